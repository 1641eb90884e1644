// WRONG: also considers i = j (the square of one feature), which the task excludes.
#include <cstdio>
#include <cstdlib>
#include <vector>

int main() {
    int n, m;
    if (std::scanf("%d %d", &n, &m) != 2) return 1;
    std::vector<std::vector<int>> x(n, std::vector<int>(m));
    std::vector<int> y(n);
    long long Y = 0;
    for (int r = 0; r < n; ++r) {
        for (int k = 0; k < m; ++k) std::scanf("%d", &x[r][k]);
        std::scanf("%d", &y[r]);
        Y += y[r];
    }
    std::vector<long long> c((size_t)m * m, 0);
    for (int r = 0; r < n; ++r) {
        long long w = (long long)n * y[r] - Y;
        if (w == 0) continue;
        const int* row = x[r].data();
        for (int i = 0; i < m; ++i) {
            long long a = w * row[i];
            if (a == 0) continue;
            long long* ci = &c[(size_t)i * m];
            for (int j = i; j < m; ++j) ci[j] += a * row[j];
        }
    }
    long long best = -1;
    int bi = 0, bj = 1;
    for (int i = 0; i < m; ++i)
        for (int j = i; j < m; ++j) {
            long long v = std::llabs(c[(size_t)i * m + j]);
            if (v > best) best = v, bi = i, bj = j;
        }
    std::printf("%d %d\n", bi + 1, bj + 1);
}
