// TOO SLOW: Var = 1/(2 N^2) * sum over all ordered pairs (x_i - x_j)^2, summed
// over the N (N - 1) / 2 unordered pairs: exact enough, but O(N^2) time. For
// N = 200000 that is 2e10 dependent floating-point additions (the reduction
// cannot be reordered or vectorised without -ffast-math): tens of seconds.
#include <cstdio>
#include <vector>

int main() {
    int n;
    if (std::scanf("%d", &n) != 1) return 1;
    std::vector<double> x(n);
    double sum = 0;
    for (double& v : x) {
        std::scanf("%lf", &v);
        sum += v;
    }
    double mean = sum / n;
    double total = 0;
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) {
            double d = x[i] - x[j];
            total += d * d;
        }
    std::printf("%.10f %.10f\n", mean, total / (static_cast<double>(n) * n));
}
