// connect_tcp PORT: connects to a port the test listens on at the host's
// 127.0.0.1. A box without network must not reach it.
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char** argv) {
  int port = argc > 1 ? atoi(argv[1]) : 80;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) {
    printf("BLOCKED socket: %s\n", strerror(errno));
    return 0;
  }
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, (struct sockaddr*)&a, sizeof a) != 0) {
    printf("BLOCKED connect 127.0.0.1:%d: %s\n", port, strerror(errno));
    return 0;
  }
  printf("ESCAPED connected to 127.0.0.1:%d\n", port);
  return 0;
}
