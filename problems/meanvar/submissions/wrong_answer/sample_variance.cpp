// WRONG: prints the sample variance (divides by N-1) instead of the population
// variance (divides by N). For N = 1 it prints nan.
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
    double ss = 0;
    for (double v : x) ss += (v - mean) * (v - mean);
    std::printf("%.10f %.10f\n", mean, ss / (n - 1));
}
