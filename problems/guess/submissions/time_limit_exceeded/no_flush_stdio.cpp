// TIME LIMIT: correct binary search with printf/scanf, but no fflush(stdout).
// stdout is a pipe, so it is fully buffered: the query stays in the buffer,
// scanf waits for an answer that never comes, and the judge waits for the query.
#include <cstdio>

int main() {
    long long lo = 1, hi = 1000000000;
    while (lo <= hi) {
        long long mid = (lo + hi) / 2;
        std::printf("? %lld\n", mid);
        char reply[8];
        if (std::scanf("%7s", reply) != 1 || reply[0] == '=') return 0;
        if (reply[0] == '<') hi = mid - 1;
        else lo = mid + 1;
    }
}
