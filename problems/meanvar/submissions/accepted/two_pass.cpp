// Two passes: the mean first, then the mean of squared deviations.
#include <cstdio>
#include <vector>

int main() {
    int n;
    if (std::scanf("%d", &n) != 1) return 1;
    std::vector<double> x(n);
    for (double& v : x) std::scanf("%lf", &v);
    double sum = 0;
    for (double v : x) sum += v;
    double mean = sum / n;
    double ss = 0;
    for (double v : x) ss += (v - mean) * (v - mean);
    std::printf("%.10f %.10f\n", mean, ss / n);
}
