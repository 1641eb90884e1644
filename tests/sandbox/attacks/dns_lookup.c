// dns_lookup PORT: resolves a name through a "resolver" the test runs on the
// host's 127.0.0.1:PORT (UDP), then through the system resolver if the box has
// no resolv.conf (glibc then asks localhost, never a real server).
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <netdb.h>
#include <resolv.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char** argv) {
  int port = argc > 1 ? atoi(argv[1]) : 53;
  unsigned char answer[512];

  res_init();
  _res.nscount = 1;
  _res.nsaddr_list[0].sin_family = AF_INET;
  _res.nsaddr_list[0].sin_port = htons(port);
  _res.nsaddr_list[0].sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  _res.retrans = 1;
  _res.retry = 1;
  if (res_query("example.com", ns_c_in, ns_t_a, answer, sizeof answer) < 0)
    printf("BLOCKED res_query via 127.0.0.1:%d: h_errno=%d\n", port, h_errno);
  else
    printf("ESCAPED res_query via 127.0.0.1:%d answered\n", port);

  if (access("/etc/resolv.conf", F_OK) == 0) {
    printf("FOUND /etc/resolv.conf (system lookup not attempted)\n");
    return 0;
  }
  struct addrinfo* res = NULL;
  int err = getaddrinfo("example.com", "80", NULL, &res);
  if (err)
    printf("BLOCKED getaddrinfo: %s\n", gai_strerror(err));
  else
    printf("ESCAPED getaddrinfo resolved example.com\n");
  return 0;
}
