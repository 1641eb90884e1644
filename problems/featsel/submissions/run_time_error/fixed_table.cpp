// CRASHES when M > 60: the score table is sized for group 2's bound and read
// with at(), which throws std::out_of_range (abort) on group 3. 60 points.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <vector>

constexpr int kMaxM = 60;

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
    std::vector<std::array<long long, kMaxM>> c(kMaxM);
    for (auto& row : c) row.fill(0);
    for (int r = 0; r < n; ++r) {
        long long w = (long long)n * y[r] - Y;
        for (int i = 0; i < m; ++i)
            for (int j = i + 1; j < m; ++j) c.at(i).at(j) += w * x[r][i] * x[r][j];
    }
    long long best = -1;
    int bi = 0, bj = 1;
    for (int i = 0; i < m; ++i)
        for (int j = i + 1; j < m; ++j) {
            long long v = std::llabs(c.at(i).at(j));
            if (v > best) best = v, bi = i, bj = j;
        }
    std::printf("%d %d\n", bi + 1, bj + 1);
}
