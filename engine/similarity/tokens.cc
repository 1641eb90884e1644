#include "similarity/tokens.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <unordered_set>

namespace similarity {
namespace {

// FNV-1a, 32 bits: token kinds only need to be distinct, and stable across runs.
constexpr uint32_t fnv(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

const uint32_t kIdentifier = fnv("ID"), kNumber = fnv("NUM"), kString = fnv("STR"), kIndent = fnv("INDENT"),
               kDedent = fnv("DEDENT");

const std::unordered_set<std::string_view>& keywords(Language l) {
  static const std::unordered_set<std::string_view> python = {
      "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
      "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
      "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
      // Builtins an abstraction would hide but that say what a program does.
      "print", "range", "len", "input", "int", "float", "str", "list", "dict", "set", "tuple", "sorted", "sum", "min",
      "max", "abs", "enumerate", "zip", "map", "open", "self"};
  static const std::unordered_set<std::string_view> c = {
      "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
      "float", "for", "goto", "if", "inline", "int", "long", "register", "return", "short", "signed", "sizeof",
      "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while", "bool", "true",
      "false", "NULL", "printf", "scanf", "malloc", "free"};
  static const std::unordered_set<std::string_view> cpp = [] {
    std::unordered_set<std::string_view> k = c;
    for (std::string_view w : {"class", "namespace", "using", "template", "typename", "public", "private",
                               "protected", "virtual", "override", "new", "delete", "this", "try", "catch", "throw",
                               "operator", "constexpr", "nullptr", "std", "vector", "string", "cin", "cout", "endl",
                               "auto", "const_cast", "static_cast", "reinterpret_cast", "friend", "mutable", "noexcept"})
      k.insert(w);
    return k;
  }();
  static const std::unordered_set<std::string_view> java = {
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
      "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "if", "implements",
      "import", "instanceof", "int", "interface", "long", "new", "package", "private", "protected", "public",
      "return", "short", "static", "super", "switch", "synchronized", "this", "throw", "throws", "try", "void",
      "volatile", "while", "var", "true", "false", "null", "String", "System"};
  static const std::unordered_set<std::string_view> js = {
      "async", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
      "else", "export", "extends", "finally", "for", "function", "if", "import", "in", "instanceof", "let", "new",
      "return", "super", "switch", "this", "throw", "try", "typeof", "var", "void", "while", "yield", "true", "false",
      "null", "undefined", "of", "console", "require"};
  switch (l) {
    case Language::Python: return python;
    case Language::C: return c;
    case Language::Cpp: return cpp;
    case Language::Java: return java;
    case Language::JavaScript: return js;
  }
  return c;
}

bool ident_start(unsigned char c) { return std::isalpha(c) || c == '_' || c == '$' || c >= 0x80; }
bool ident_char(unsigned char c) { return std::isalnum(c) || c == '_' || c == '$' || c >= 0x80; }

// Longest operator first: three characters, then two, then one.
size_t operator_length(std::string_view s) {
  static const std::array<std::string_view, 9> three = {"<<=", ">>=", "...", "->*", "**=", "//=", "===", "!==", ">>>"};
  static const std::array<std::string_view, 27> two = {"==", "!=", "<=", ">=", "&&", "||", "++", "--", "+=", "-=",
                                                        "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "->", "::",
                                                        "**", "//", "=>", ":=", "?.", "??", ".*"};
  for (std::string_view t : three)
    if (s.substr(0, 3) == t) return 3;
  for (std::string_view t : two)
    if (s.substr(0, 2) == t) return 2;
  return 1;
}

class Lexer {
 public:
  Lexer(std::string_view s, Language l) : s_(s), lang_(l), keywords_(keywords(l)) {}

  std::vector<Token> run() {
    bool python = lang_ == Language::Python;
    std::vector<int> indents = {0};
    bool line_start = true;
    int depth = 0;  // brackets: Python's indentation only counts outside them
    while (i_ < s_.size()) {
      if (python && line_start && depth == 0) {
        line_start = false;
        size_t j = i_;
        int width = 0;
        while (j < s_.size() && (s_[j] == ' ' || s_[j] == '\t')) width += s_[j++] == '\t' ? 8 - width % 8 : 1;
        if (j < s_.size() && s_[j] != '\n' && s_[j] != '\r' && s_[j] != '#') {
          if (width > indents.back()) {
            indents.push_back(width);
            emit(kIndent);
          }
          while (width < indents.back()) {
            indents.pop_back();
            emit(kDedent);
          }
        }
        i_ = j;
        continue;
      }
      unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '\n') {
        ++line_;
        ++i_;
        line_start = true;
      } else if (std::isspace(c)) {
        ++i_;
      } else if (python && c == '#') {
        skip_to_line_end();
      } else if (!python && c == '/' && peek(1) == '/') {
        skip_to_line_end();
      } else if (!python && c == '/' && peek(1) == '*') {
        skip_block_comment();
      } else if ((lang_ == Language::C || lang_ == Language::Cpp) && c == '#' && only_space_before()) {
        skip_directive();
      } else if (c == '"' || c == '\'' || (c == '`' && lang_ == Language::JavaScript)) {
        string_literal();
      } else if (python && string_prefix()) {
        // handled inside string_prefix
      } else if (std::isdigit(c) || (c == '.' && std::isdigit(static_cast<unsigned char>(peek(1))))) {
        number();
      } else if (ident_start(c)) {
        size_t j = i_;
        while (j < s_.size() && ident_char(static_cast<unsigned char>(s_[j]))) ++j;
        std::string_view word = s_.substr(i_, j - i_);
        emit(keywords_.count(word) ? fnv(word) : kIdentifier);
        i_ = j;
      } else {
        size_t n = operator_length(s_.substr(i_));
        if (python && s_.substr(i_, 2) == "//") n = 2;  // floor division, not a comment
        if (c == '(' || c == '[' || c == '{') ++depth;
        if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
        emit(fnv(s_.substr(i_, n)));
        i_ += n;
      }
    }
    for (size_t k = 1; k < indents.size(); ++k) emit(kDedent);
    return std::move(out_);
  }

 private:
  char peek(size_t ahead) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }
  void emit(uint32_t kind) { out_.push_back({kind, line_}); }

  void skip_to_line_end() {
    while (i_ < s_.size() && s_[i_] != '\n') ++i_;
  }
  void skip_block_comment() {
    i_ += 2;
    while (i_ < s_.size() && !(s_[i_] == '*' && peek(1) == '/')) line_ += s_[i_++] == '\n';
    i_ = std::min(s_.size(), i_ + 2);
  }
  bool only_space_before() const {
    size_t j = i_;
    while (j > 0 && (s_[j - 1] == ' ' || s_[j - 1] == '\t')) --j;
    return j == 0 || s_[j - 1] == '\n';
  }
  void skip_directive() {  // to the end of the line, following backslash continuations
    while (i_ < s_.size() && s_[i_] != '\n') {
      if (s_[i_] == '\\' && peek(1) == '\n') {
        ++line_;
        ++i_;
      }
      ++i_;
    }
  }
  // Python's r"", b'', f"", rb'' ...: the prefix is part of the literal.
  bool string_prefix() {
    size_t j = i_;
    while (j < s_.size() && j - i_ < 2 && std::strchr("rRbBfFuU", s_[j])) ++j;
    if (j == i_ || j >= s_.size() || (s_[j] != '"' && s_[j] != '\'')) return false;
    i_ = j;
    string_literal();
    return true;
  }
  void string_literal() {
    int start = line_;
    char q = s_[i_];
    bool triple = lang_ == Language::Python && peek(1) == q && peek(2) == q;
    i_ += triple ? 3 : 1;
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == '\\') {
        line_ += peek(1) == '\n';
        i_ += 2;
        continue;
      }
      if (c == '\n') {
        ++line_;
        if (!triple && q != '`') break;  // an unterminated literal ends with its line
      }
      if (c == q && (!triple || (peek(1) == q && peek(2) == q))) {
        i_ += triple ? 3 : 1;
        break;
      }
      ++i_;
    }
    out_.push_back({kString, start});
  }
  void number() {
    size_t j = i_;
    while (j < s_.size()) {
      unsigned char c = static_cast<unsigned char>(s_[j]);
      bool exponent_sign = (c == '+' || c == '-') && j > i_ && (s_[j - 1] == 'e' || s_[j - 1] == 'E') &&
                           !(s_[i_] == '0' && j > i_ + 1 && (s_[i_ + 1] == 'x' || s_[i_ + 1] == 'X'));
      if (!(std::isalnum(c) || c == '.' || c == '_' || c == '\'' || exponent_sign)) break;
      ++j;
    }
    emit(kNumber);
    i_ = j;
  }

  std::string_view s_;
  Language lang_;
  const std::unordered_set<std::string_view>& keywords_;
  size_t i_ = 0;
  int line_ = 1;
  std::vector<Token> out_;
};

}  // namespace

uint32_t token_kind(std::string_view text) { return fnv(text); }

std::vector<Token> tokenize(std::string_view source, Language language) { return Lexer(source, language).run(); }

std::optional<Language> language_named(std::string_view name) {
  std::string n(name);
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
  if (n == "py" || n.rfind("python", 0) == 0) return Language::Python;
  if (n == "c" || n == "h" || n.rfind("c1", 0) == 0) return Language::C;  // c11, c17
  if (n == "cc" || n == "cpp" || n == "cxx" || n == "hpp" || n.rfind("cpp", 0) == 0 || n.rfind("c++", 0) == 0)
    return Language::Cpp;
  if (n == "java" || (n.rfind("java", 0) == 0 && n != "javascript")) return Language::Java;
  if (n == "js" || n == "mjs" || n == "javascript" || n == "node" || n == "nodejs") return Language::JavaScript;
  return std::nullopt;
}

}  // namespace similarity
