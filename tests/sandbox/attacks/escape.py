# Ordinary escape attempts from Python, one line each:
# "BLOCKED <what>: <reason>" or "ESCAPED <what>".
import os
import socket
import sys


def attempt(what, action):
    try:
        action()
        print(f"ESCAPED {what}", flush=True)
    except OSError as e:
        print(f"BLOCKED {what}: {e.strerror or e}", flush=True)


port = int(sys.argv[1])
attempt("read /etc/shadow", lambda: open("/etc/shadow").read())
attempt("write /usr/escaped", lambda: open("/usr/escaped", "w").write("x"))
attempt("setuid(0)", lambda: os.setuid(0))
attempt("list /root", lambda: os.listdir("/root"))
attempt(f"connect 127.0.0.1:{port}",
        lambda: socket.create_connection(("127.0.0.1", port), timeout=2))
