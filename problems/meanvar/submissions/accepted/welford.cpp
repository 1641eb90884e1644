// One pass, numerically stable (Welford's update).
#include <cstdio>

int main() {
    int n;
    if (std::scanf("%d", &n) != 1) return 1;
    double mean = 0, m2 = 0;
    for (int i = 1; i <= n; ++i) {
        double v;
        std::scanf("%lf", &v);
        double d = v - mean;
        mean += d / i;
        m2 += d * (v - mean);
    }
    std::printf("%.10f %.10f\n", mean, m2 / n);
}
