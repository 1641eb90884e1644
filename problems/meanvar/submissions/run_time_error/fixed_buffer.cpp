// CRASHES: a correct two-pass solution, but the author misread the limit as
// N <= 100000 and reads into a std::array of that size with .at(). On the
// N = 200000 case .at(100000) throws std::out_of_range, nothing catches it:
// std::terminate, SIGABRT. Every smaller case is answered correctly.
#include <array>
#include <cstdio>

constexpr int kMaxN = 100000;
std::array<double, kMaxN> x;

int main() {
    int n;
    if (std::scanf("%d", &n) != 1) return 1;
    for (int i = 0; i < n; ++i) std::scanf("%lf", &x.at(i));
    double sum = 0;
    for (int i = 0; i < n; ++i) sum += x[i];
    double mean = sum / n;
    double ss = 0;
    for (int i = 0; i < n; ++i) ss += (x[i] - mean) * (x[i] - mean);
    std::printf("%.10f %.10f\n", mean, ss / n);
}
