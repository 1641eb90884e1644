// Column-major: each feature's column weighted by (N y_r - Y) once, then
// N^2 cov(i, j) = sum_r u_i[r] * x_j[r] over contiguous columns, for every i < j.
#include <cstdio>
#include <cstdlib>
#include <vector>

static int read_int() {
    int c = std::getchar();
    while (c != '-' && (c < '0' || c > '9')) c = std::getchar();
    int v = 0;
    for (; c >= '0' && c <= '9'; c = std::getchar()) v = v * 10 + (c - '0');
    return v;
}

int main() {
    int n = read_int(), m = read_int();
    std::vector<std::vector<long long>> col(m, std::vector<long long>(n));
    std::vector<long long> label(n);
    long long total = 0;
    for (int r = 0; r < n; ++r) {
        for (int k = 0; k < m; ++k) col[k][r] = read_int();
        label[r] = read_int();
        total += label[r];
    }
    long long best = -1;
    int best_i = 0, best_j = 1;
    std::vector<long long> u(n);
    for (int i = 0; i < m; ++i) {
        for (int r = 0; r < n; ++r) u[r] = col[i][r] * (n * label[r] - total);
        for (int j = i + 1; j < m; ++j) {
            const std::vector<long long>& xj = col[j];
            long long sum = 0;
            for (int r = 0; r < n; ++r) sum += u[r] * xj[r];
            if (std::llabs(sum) > best) {
                best = std::llabs(sum);
                best_i = i;
                best_j = j;
            }
        }
    }
    std::printf("%d %d\n", best_i + 1, best_j + 1);
    return 0;
}
