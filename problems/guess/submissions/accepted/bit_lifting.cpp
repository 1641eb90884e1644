// Binary lifting: build H - 1 bit by bit, from 2^29 down, as the largest number known
// to be below H; then ask H itself. At most 30 + 1 queries. stdio, fflush after each.
#include <cstdio>

const long long LIMIT = 1000000000;

// Asks x; returns the judge's reply '<', '>' or '=', or '?' if the input has ended.
char query(long long x) {
    std::printf("? %lld\n", x);
    std::fflush(stdout);
    char reply = '?';
    if (std::scanf(" %c", &reply) != 1) return '?';
    return reply;
}

int main() {
    long long below = 0;  // always < H
    for (long long step = 1LL << 29; step > 0; step /= 2) {
        if (below + step > LIMIT) continue;
        char r = query(below + step);
        if (r == '=' || r == '?') return 0;
        if (r == '>') below += step;
    }
    query(below + 1);
}
