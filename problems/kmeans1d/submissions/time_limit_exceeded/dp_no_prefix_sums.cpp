// TOO SLOW: the right O(K N^2) dynamic program over contiguous segments of the
// sorted points, but every segment cost is recomputed from scratch (mean, then
// sum of squared deviations) instead of from prefix sums: O(K N^3) overall.
// Exact, but at N = 2000 that is about 10^10 floating-point steps.
#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
    int n, k;
    if (std::scanf("%d %d", &n, &k) != 2) return 1;
    std::vector<double> x(n);
    for (auto& v : x) std::scanf("%lf", &v);
    std::sort(x.begin(), x.end());
    auto cost = [&](int l, int r) {  // points l..r-1 around their mean
        double mean = 0;
        for (int i = l; i < r; ++i) mean += x[i];
        mean /= r - l;
        double c = 0;
        for (int i = l; i < r; ++i) c += (x[i] - mean) * (x[i] - mean);
        return c;
    };
    const double INF = 1e300;
    std::vector<std::vector<double>> dp(k + 1, std::vector<double>(n + 1, INF));
    std::vector<std::vector<int>> from(k + 1, std::vector<int>(n + 1, 0));
    dp[0][0] = 0;
    for (int j = 1; j <= k; ++j)
        for (int i = j; i <= n; ++i)
            for (int p = j - 1; p < i; ++p) {
                if (dp[j - 1][p] >= INF) continue;
                double v = dp[j - 1][p] + cost(p, i);
                if (v < dp[j][i]) dp[j][i] = v, from[j][i] = p;
            }
    for (int j = k, r = n; j >= 1; --j) {
        int l = from[j][r];
        double mean = 0;
        for (int i = l; i < r; ++i) mean += x[i];
        std::printf("%.10f\n", mean / (r - l));
        r = l;
    }
}
