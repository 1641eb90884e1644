// WRONG: Lloyd's algorithm (k-means iterations) started from the first K input
// points. It converges, but to a local optimum that can be far from the best.
#include <cmath>
#include <cstdio>
#include <vector>

int main() {
    int n, k;
    if (std::scanf("%d %d", &n, &k) != 2) return 1;
    std::vector<double> x(n);
    for (auto& v : x) std::scanf("%lf", &v);
    std::vector<double> c(x.begin(), x.begin() + k);
    for (int iter = 0; iter < 1000; ++iter) {
        std::vector<double> sum(k, 0);
        std::vector<int> cnt(k, 0);
        for (double v : x) {
            int best = 0;
            for (int j = 1; j < k; ++j)
                if (std::fabs(v - c[j]) < std::fabs(v - c[best])) best = j;
            sum[best] += v;
            ++cnt[best];
        }
        bool moved = false;
        for (int j = 0; j < k; ++j)
            if (cnt[j] > 0 && sum[j] / cnt[j] != c[j]) c[j] = sum[j] / cnt[j], moved = true;
        if (!moved) break;
    }
    for (double v : c) std::printf("%.10f\n", v);
}
