// Exact: each number parsed by hand into a whole count of millionths; the sum is a
// long long and the sum of squares an __int128, so no precision is lost before the end.
#include <cstdio>
#include <iostream>
#include <string>

long long to_micros(const std::string& t) {
    bool neg = t[0] == '-';
    long long whole = 0, frac = 0;
    int digits = 0;
    size_t i = neg ? 1 : 0;
    for (; i < t.size() && t[i] != '.'; ++i) whole = whole * 10 + (t[i] - '0');
    for (++i; i < t.size(); ++i, ++digits) frac = frac * 10 + (t[i] - '0');
    for (; digits < 6; ++digits) frac *= 10;
    long long v = whole * 1000000 + frac;
    return neg ? -v : v;
}

int main() {
    std::ios::sync_with_stdio(false);
    int n;
    std::cin >> n;
    long long sum = 0;
    __int128 squares = 0;
    std::string tok;
    for (int k = 0; k < n; ++k) {
        std::cin >> tok;
        long long v = to_micros(tok);
        sum += v;
        squares += (__int128)v * v;
    }
    __int128 num = (__int128)n * squares - (__int128)sum * sum;  // n^2 * 10^12 * variance
    long double mean = (long double)sum / n / 1e6L;
    long double var = (long double)num / n / n / 1e12L;
    std::printf("%.10Lf %.10Lf\n", mean, var);
}
