// Output validator for kmeans1d (standard library only).
//
//   validate input_file answer_file feedback_dir < team_output
//
// input_file:  "N K" then N integers (the points).
// answer_file: an optimal answer, K centers; OPT is the cost of these centers
//              (cost = sum over the points of the squared distance to the
//              nearest center). The judge answer is thus itself a valid output.
// team_output: exactly K finite real numbers (the centers), whitespace separated.
// Accepts (exit 42) iff cost <= OPT + 1e-6 * max(1, OPT); otherwise exit 43 with a
// one-line reason in feedback_dir/judgemessage.txt. A team cost clearly below the
// judge's optimum means the answer file is wrong: judge error (exit 1).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

const int kAccept = 42, kWrongAnswer = 43, kJudgeError = 1;
std::string feedback_dir;

void message(const std::string& text) {
    std::ofstream f(feedback_dir + "judgemessage.txt", std::ios::app);
    f << text << "\n";
}

[[noreturn]] void wrong_answer(const std::string& text) {
    message(text);
    std::exit(kWrongAnswer);
}

[[noreturn]] void judge_error(const std::string& text) {
    message("JUDGE ERROR: " + text);
    std::cerr << "judge error: " << text << "\n";
    std::exit(kJudgeError);
}

std::string shorten(const std::string& token) {
    std::string s;
    for (char c : token.substr(0, 40)) s += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
    return token.size() > 40 ? s + "..." : s;
}

// A decimal real: [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?
// No hex, no inf/nan, no trailing garbage.
bool parse_real(const std::string& t, long double* out) {
    size_t i = 0, n = t.size();
    if (i < n && (t[i] == '+' || t[i] == '-')) ++i;
    size_t int_digits = 0, frac_digits = 0;
    while (i < n && std::isdigit(static_cast<unsigned char>(t[i]))) ++i, ++int_digits;
    if (i < n && t[i] == '.') {
        ++i;
        while (i < n && std::isdigit(static_cast<unsigned char>(t[i]))) ++i, ++frac_digits;
    }
    if (int_digits + frac_digits == 0) return false;
    if (i < n && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < n && (t[i] == '+' || t[i] == '-')) ++i;
        size_t exp_digits = 0;
        while (i < n && std::isdigit(static_cast<unsigned char>(t[i]))) ++i, ++exp_digits;
        if (exp_digits == 0) return false;
    }
    if (i != n) return false;
    char* end = nullptr;
    *out = std::strtold(t.c_str(), &end);
    return end == t.c_str() + n;
}

// "nan", "-inf", "Infinity", ...: strtold would take them, the grammar does not.
bool looks_non_finite(const std::string& t) {
    std::string s;
    for (char c : t) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.erase(0, 1);
    return s.rfind("nan", 0) == 0 || s == "inf" || s == "infinity";
}

std::string fmt(long double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.9Lg", v);
    return buf;
}

// Sum over the points of the squared distance to the nearest center.
long double cost_of(const std::vector<long double>& points, std::vector<long double> centers) {
    std::sort(centers.begin(), centers.end());
    long double cost = 0;
    for (long double x : points) {
        auto it = std::lower_bound(centers.begin(), centers.end(), x);
        long double best = INFINITY;
        if (it != centers.end()) best = std::min(best, (*it - x) * (*it - x));
        if (it != centers.begin()) best = std::min(best, (*(it - 1) - x) * (*(it - 1) - x));
        cost += best;
    }
    return cost;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: " << argv[0] << " input_file answer_file feedback_dir < team_output\n";
        return kJudgeError;
    }
    feedback_dir = argv[3];
    if (!feedback_dir.empty() && feedback_dir.back() != '/') feedback_dir += '/';

    std::ifstream in(argv[1]);
    long long n = 0, k = 0;
    if (!(in >> n >> k) || n < 1 || k < 1 || k > n) judge_error("cannot read N K from the input file");
    std::vector<long double> points(n);
    for (auto& p : points)
        if (!(in >> p)) judge_error("cannot read the points from the input file");

    std::ifstream ans(argv[2]);
    std::vector<long double> judge_centers;
    std::string token;
    while (static_cast<long long>(judge_centers.size()) < k) {
        long double c;
        if (!(ans >> token) || !parse_real(token, &c) || !std::isfinite(c))
            judge_error("cannot read " + std::to_string(k) + " centers from the answer file");
        judge_centers.push_back(c);
    }
    const long double opt = cost_of(points, judge_centers);

    std::vector<long double> centers;
    while (static_cast<long long>(centers.size()) < k) {
        if (!(std::cin >> token))
            wrong_answer("expected " + std::to_string(k) + " centers, got only " + std::to_string(centers.size()));
        long double c;
        if (looks_non_finite(token))
            wrong_answer("center " + std::to_string(centers.size() + 1) + ": '" + shorten(token) +
                         "' is not a finite number (nan and inf are not allowed)");
        if (!parse_real(token, &c))
            wrong_answer("center " + std::to_string(centers.size() + 1) + ": '" + shorten(token) +
                         "' is not a number");
        if (!std::isfinite(c))
            wrong_answer("center " + std::to_string(centers.size() + 1) + ": '" + shorten(token) +
                         "' is not a finite number");
        centers.push_back(c);
    }
    if (std::cin >> token)
        wrong_answer("trailing output after the " + std::to_string(k) + " centers: '" + shorten(token) + "'");

    const long double cost = cost_of(points, centers);
    long double tolerance = 1e-6L * std::max<long double>(1, opt);
    if (!std::isfinite(cost) || cost > opt + tolerance)
        wrong_answer("cost " + fmt(cost) + " exceeds the optimum " + fmt(opt) + " by more than " + fmt(tolerance));
    if (cost < opt - tolerance)
        judge_error("team cost " + fmt(cost) + " is below the judge's optimum " + fmt(opt));
    return kAccept;
}
