// CRASHES when K = N: the "every point is its own center" shortcut walks one
// element past the end, and vector::at throws std::out_of_range (abort).
// Otherwise the same O(K N^2) dynamic program as the accepted solution.
#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
    int n, k;
    if (std::scanf("%d %d", &n, &k) != 2) return 1;
    std::vector<long long> x(n);
    for (auto& v : x) std::scanf("%lld", &v);
    if (k == n) {  // shortcut: cost 0
        for (int i = 1; i <= k; ++i) std::printf("%lld\n", x.at(i));  // BUG: should be 0..k-1
        return 0;
    }
    std::sort(x.begin(), x.end());
    std::vector<long long> s1(n + 1, 0), s2(n + 1, 0);
    for (int i = 0; i < n; ++i) s1[i + 1] = s1[i] + x[i], s2[i + 1] = s2[i] + x[i] * x[i];
    // cost of the points l..r-1 around their mean: (c*S2 - S1^2) / c, the numerator
    // exact in 64 bits (c*S2 <= 2000 * 2000 * 10^12 < 2^63), so a segment of equal
    // points costs exactly 0
    std::vector<double> inv(n + 1, 0);
    for (int c = 1; c <= n; ++c) inv[c] = 1.0 / c;
    auto cost = [&](int l, int r) -> double {
        long long c = r - l, a = s1[r] - s1[l], b = s2[r] - s2[l];
        return (double)(c * b - a * a) * inv[c];
    };
    const double INF = 1e300;
    std::vector<std::vector<double>> dp(k + 1, std::vector<double>(n + 1, INF));
    std::vector<std::vector<int>> from(k + 1, std::vector<int>(n + 1, 0));
    dp[0][0] = 0;
    for (int j = 1; j <= k; ++j)
        for (int i = j; i <= n; ++i)
            for (int p = j - 1; p < i; ++p) {
                double v = dp[j - 1][p] + cost(p, i);
                if (v < dp[j][i]) dp[j][i] = v, from[j][i] = p;
            }
    for (int j = k, r = n; j >= 1; --j) {
        int l = from[j][r];
        std::printf("%.10f\n", (double)(s1[r] - s1[l]) / (r - l));
        r = l;
    }
}
