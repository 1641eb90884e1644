// WRONG: Var = E[x^2] - E[x]^2 in doubles. Catastrophic cancellation when all
// values are near 1e6 (secret cases with a large offset).
#include <cstdio>

int main() {
    int n;
    if (std::scanf("%d", &n) != 1) return 1;
    double s = 0, q = 0;
    for (int i = 0; i < n; ++i) {
        double v;
        std::scanf("%lf", &v);
        s += v;
        q += v * v;
    }
    double mean = s / n;
    std::printf("%.10f %.10f\n", mean, q / n - mean * mean);
}
