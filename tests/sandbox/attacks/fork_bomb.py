# Python fork bomb: every process forks until the kernel refuses; the original
# process then reports, and the children wait so their pids stay taken.
import os
import resource
import signal

# Safety net for the host should the box's process limit be broken (the test
# still fails then: far more than 16 children).
resource.setrlimit(resource.RLIMIT_NPROC, (512, 512))

children = 0
while True:
    try:
        pid = os.fork()
    except OSError as e:
        print(f"BLOCKED fork: {e.strerror} after {children} own children", flush=True)
        os._exit(0)
    if pid == 0:
        while True:
            try:
                os.fork()
            except OSError:
                signal.pause()
    children += 1
