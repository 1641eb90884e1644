// Interactor for guess (standard library only).
//
//   validate input_file answer_file feedback_dir
//   stdin: the submission's output; stdout: the submission's input.
//
// input_file holds the hidden number H (1 <= H <= 10^9); answer_file is ignored.
// Protocol: the submission writes "? x" (1 <= x <= 10^9); we answer "<" if H < x,
// ">" if H > x, "=" if H == x. The query answered "=" ends the interaction:
// exit 42. More than 31 queries, a malformed query or the end of the
// submission's output before "=" is a wrong answer: exit 43 with a one-line
// reason in feedback_dir/judgemessage.txt. Every answer is flushed at once.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

namespace {

const int kAccept = 42, kWrongAnswer = 43, kJudgeError = 1;
const long long kMaxValue = 1000000000;
const int kMaxQueries = 31;
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

std::string printable(const std::string& s) {
    std::string out;
    for (unsigned char c : s) out += (c >= 32 && c < 127) ? static_cast<char>(c) : '?';
    return out;
}

// Next whitespace-separated token of the submission's output; false at EOF.
// Tokens longer than 40 bytes are cut (and then fail the format checks).
bool next_token(std::string* tok) {
    tok->clear();
    int c;
    do c = std::getchar(); while (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f');
    if (c == EOF) return false;
    while (c != EOF && !(c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f')) {
        if (tok->size() <= 40) *tok += static_cast<char>(c);
        if (tok->size() > 40) break;
        c = std::getchar();
    }
    return true;
}

// A decimal integer without sign or leading zeros, at most 10 digits.
bool parse_query(const std::string& t, long long* out) {
    if (t.empty() || t.size() > 10 || t[0] == '0') return false;
    long long v = 0;
    for (char c : t) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);  // a submission that died must not kill us
    if (argc < 4) {
        std::cerr << "usage: " << argv[0] << " input_file answer_file feedback_dir\n";
        return kJudgeError;
    }
    feedback_dir = argv[3];
    if (!feedback_dir.empty() && feedback_dir.back() != '/') feedback_dir += '/';

    std::ifstream in(argv[1]);
    long long hidden = 0;
    if (!(in >> hidden) || hidden < 1 || hidden > kMaxValue) judge_error("cannot read the hidden number");

    std::string tok;
    for (int queries = 0;;) {
        if (!next_token(&tok))
            wrong_answer("the output ended after " + std::to_string(queries) +
                         " queries without finding the number");
        if (tok != "?")
            wrong_answer("query " + std::to_string(queries + 1) + ": expected '?', got '" + printable(tok) + "'");
        if (!next_token(&tok))
            wrong_answer("query " + std::to_string(queries + 1) + ": the output ended after '?'");
        long long x;
        if (!parse_query(tok, &x))
            wrong_answer("query " + std::to_string(queries + 1) + ": '" + printable(tok) +
                         "' is not a positive integer without leading zeros");
        if (x > kMaxValue)
            wrong_answer("query " + std::to_string(queries + 1) + ": " + tok + " is out of range [1, 1000000000]");
        if (++queries > kMaxQueries)
            wrong_answer("more than " + std::to_string(kMaxQueries) + " queries");
        const char* reply = hidden < x ? "<" : hidden > x ? ">" : "=";
        std::printf("%s\n", reply);
        std::fflush(stdout);
        if (hidden == x) return kAccept;
    }
}
