#include "default_validator.h"

#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <strings.h>

namespace graders {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

// The reference reads a float with sscanf("%lf%10s") == 1: the whole token, finite.
// (Tokens hold no whitespace, so "%10s" finding nothing means nothing is left.)
bool parse_float(std::string_view token, double* value) {
  char small[128];
  std::string large;
  const char* text;
  if (token.size() < sizeof small) {
    std::memcpy(small, token.data(), token.size());
    small[token.size()] = 0;
    text = small;
  } else {
    large.assign(token);
    text = large.c_str();
  }
  // sscanf itself, not strtod: they differ at the edges ("1e" is 1 for %lf).
  char trash[20];
  double v;
  if (std::sscanf(text, "%lf%10s", &v, trash) != 1) return false;
  *value = v;
  return !std::isinf(v) && !std::isnan(v);
}

// Reads one side: position, line, and the next token.
struct Reader {
  std::string_view text;
  size_t pos = 0;
  long line = 1;
  bool at_space() const { return pos < text.size() && is_space(text[pos]); }
  char take() {
    char c = text[pos++];
    if (c == '\n') ++line;
    return c;
  }
  bool next_token(std::string_view* token) {
    while (at_space()) take();  // the stream's >> skips leading space
    if (pos >= text.size()) return false;
    size_t start = pos;
    while (pos < text.size() && !is_space(text[pos])) ++pos;
    *token = text.substr(start, pos - start);
    return true;
  }
};

class Comparison {
 public:
  Comparison(std::string_view answer, std::string_view output) : judge_{answer}, team_{output} {}

  DefaultValidatorResult run(const DefaultValidatorFlags& f) {
    std::string_view judge, team;
    for (int token = 0;; ++token) {
      // Whitespace first: counted (and in space_change_sensitive mode compared) byte by byte.
      // (Counters move only after a comparison succeeded, as in the reference.)
      while (judge_.at_space()) {
        char c = judge_.text[judge_.pos];
        if (f.space_change_sensitive) {
          int d = team_.pos < team_.text.size() ? static_cast<unsigned char>(team_.text[team_.pos]) : -1;
          if (c != d) return wrong("Space change error: got %d expected %d", d, c);
          team_.take();
        }
        judge_.take();
      }
      while (team_.at_space()) {
        if (f.space_change_sensitive)
          return wrong("Space change error: judge out of space, got %d from user", team_.text[team_.pos]);
        team_.take();
      }
      if (!judge_.next_token(&judge)) break;
      if (!team_.next_token(&team)) {
        judge_.pos -= judge.size();  // the reference counts a token once it compared equal
        std::string next(judge);
        if (token > 0) return wrong("User EOF while judge had more output\n(Next judge token: %s)", next.c_str());
        return wrong(team_.text.empty()
                         ? "User EOF while judge had more output; user output was empty.\n(Next judge token: %s)"
                         : "User EOF while judge had more output; user output contained no tokens.\n(Next judge token: %s)",
                     next.c_str());
      }
      // Positions in diffposition.txt are those before the tokens.
      judge_.pos -= judge.size();
      team_.pos -= team.size();
      double j, t;
      if (f.use_floats() && parse_float(judge, &j)) {
        if (!parse_float(team, &t)) return wrong("Expected float, got: %s", std::string(team).c_str());
        double diff = std::fabs(j - t);
        if (!(diff <= f.float_absolute_tolerance) && !(diff <= f.float_relative_tolerance * std::fabs(j)))
          return wrong("Too large difference.\n Judge: %s\n User: %s\n Difference: %le\n (abs tol %le rel tol %le)",
                       std::string(judge).c_str(), std::string(team).c_str(), j - t, f.float_absolute_tolerance,
                       f.float_relative_tolerance);
      } else if (judge.size() != team.size() ||
                 (f.case_sensitive ? std::memcmp(judge.data(), team.data(), judge.size()) != 0
                                   : strncasecmp(judge.data(), team.data(), judge.size()) != 0)) {
        return wrong("String tokens mismatch\nJudge: \"%s\"\nUser: \"%s\"", std::string(judge).c_str(),
                     std::string(team).c_str());
      }
      judge_.pos += judge.size();
      team_.pos += team.size();
    }
    size_t before = team_.pos;
    if (team_.next_token(&team)) {
      team_.pos = before;
      return wrong("Trailing output:\n%s", std::string(team).c_str());
    }
    DefaultValidatorResult ok;
    ok.accepted = true;
    return ok;
  }

 private:
  DefaultValidatorResult wrong(const char* format, ...) {
    DefaultValidatorResult r;
    char head[128];
    std::snprintf(head, sizeof head, "Wrong answer on line %ld of output (corresponding to line %ld in answer file)\n",
                  team_.line, judge_.line);
    va_list args;
    va_start(args, format);
    va_list copy;
    va_copy(copy, args);
    int n = std::vsnprintf(nullptr, 0, format, copy);
    va_end(copy);
    std::string body(static_cast<size_t>(n > 0 ? n : 0), '\0');
    std::vsnprintf(body.data(), body.size() + 1, format, args);
    va_end(args);
    r.judge_message = head + body + "\n";
    r.answer_position = static_cast<long>(judge_.pos);
    r.output_position = static_cast<long>(team_.pos);
    return r;
  }

  Reader judge_, team_;
};

}  // namespace

std::vector<std::string> split_flags(std::string_view text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    if (i > start) out.emplace_back(text.substr(start, i - start));
  }
  return out;
}

std::string parse_default_validator_flags(const std::vector<std::string>& args, DefaultValidatorFlags* out) {
  DefaultValidatorFlags f;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto number = [&](double* value) {
      return i + 1 < args.size() && parse_float(args[i + 1], value) ? (++i, true) : false;
    };
    if (a == "case_sensitive") {
      f.case_sensitive = true;
    } else if (a == "space_change_sensitive") {
      f.space_change_sensitive = true;
    } else if (a == "float_absolute_tolerance") {
      if (!number(&f.float_absolute_tolerance)) return "float_absolute_tolerance needs a number after it";
    } else if (a == "float_relative_tolerance") {
      if (!number(&f.float_relative_tolerance)) return "float_relative_tolerance needs a number after it";
    } else if (a == "float_tolerance") {
      if (!number(&f.float_relative_tolerance)) return "float_tolerance needs a number after it";
      f.float_absolute_tolerance = f.float_relative_tolerance;
    } else {
      return "unknown default validator flag '" + a +
             "' (expected case_sensitive, space_change_sensitive, float_tolerance E, float_absolute_tolerance E, "
             "float_relative_tolerance E)";
    }
  }
  *out = f;
  return "";
}

DefaultValidatorResult validate_default(std::string_view answer, std::string_view team_output,
                                        const DefaultValidatorFlags& flags) {
  return Comparison(answer, team_output).run(flags);
}

}  // namespace graders
