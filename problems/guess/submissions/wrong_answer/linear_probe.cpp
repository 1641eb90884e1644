// WRONG: tries 1, 2, 3, ... in turn: correct, but needs H queries, and only 31
// are allowed (the judge rejects the 32nd query).
#include <cstdio>

int main() {
    for (long long x = 1; x <= 1000000000; ++x) {
        std::printf("? %lld\n", x);
        std::fflush(stdout);
        char reply[8];
        if (std::scanf("%7s", reply) != 1 || reply[0] == '=') return 0;
    }
}
