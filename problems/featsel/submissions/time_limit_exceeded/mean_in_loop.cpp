// TOO SLOW: the covariance by its definition, but the means are recomputed inside
// the sum over rows, O(M^2 N^2). Fine for group 1 (N <= 100, M <= 10), hopeless
// beyond: 30 points.
#include <cstdlib>
#include <cstdio>
#include <vector>

int main() {
    int n, m;
    if (std::scanf("%d %d", &n, &m) != 2) return 1;
    std::vector<std::vector<int>> x(n, std::vector<int>(m));
    std::vector<int> y(n);
    for (int r = 0; r < n; ++r) {
        for (int k = 0; k < m; ++k) std::scanf("%d", &x[r][k]);
        std::scanf("%d", &y[r]);
    }
    long long best = -1;
    int bi = 0, bj = 1;
    for (int i = 0; i < m; ++i)
        for (int j = i + 1; j < m; ++j) {
            // N^2 cov = sum_r (N p_r - sum_s p_s) y_r, the sum over s redone for every row
            // (starting at row r, as a "centred" loop written in a hurry might).
            long long acc = 0;
            for (int r = 0; r < n; ++r) {
                long long sum_p = 0;
                for (int k = 0; k < n; ++k) {
                    int s = (r + k) % n;
                    sum_p += x[s][i] * x[s][j];
                }
                acc += ((long long)n * x[r][i] * x[r][j] - sum_p) * y[r];
            }
            long long v = std::llabs(acc);
            if (v > best) best = v, bi = i, bj = j;
        }
    std::printf("%d %d\n", bi + 1, bj + 1);
}
