#include "similarity/tokens.h"

#include <doctest/doctest.h>

using namespace similarity;

namespace {

std::vector<uint32_t> kinds(std::string_view source, Language l) {
  std::vector<uint32_t> out;
  for (const Token& t : tokenize(source, l)) out.push_back(t.kind);
  return out;
}

std::vector<uint32_t> of(std::initializer_list<std::string_view> texts) {
  std::vector<uint32_t> out;
  for (std::string_view t : texts) out.push_back(token_kind(t));
  return out;
}

}  // namespace

TEST_CASE("similarity tokens: Python drops comments, abstracts names and literals, keeps keywords and blocks") {
  const char* a = "def total(xs):  # add them\n"
                  "    s = 0\n"
                  "    for x in xs:\n"
                  "        s += x * 2.5\n"
                  "    return s // 1\n"
                  "print(total([1, 2]), \"done\")\n";
  CHECK(kinds(a, Language::Python) ==
        of({"def", "ID", "(", "ID", ")", ":", "INDENT", "ID", "=", "NUM", "for", "ID", "in", "ID", ":", "INDENT", "ID",
            "+=", "ID", "*", "NUM", "DEDENT", "return", "ID", "//", "NUM", "DEDENT", "print", "(", "ID", "(", "[",
            "NUM", ",", "NUM", "]", ")", ",", "STR", ")"}));
  // Renamed, re-commented, other literals and blank lines: the same stream.
  const char* b = "def acc(values):\n\n"
                  "    '''sums'''\n"
                  "    t = 10\n"
                  "    for v in values:   # loop\n"
                  "        t += v * 7\n"
                  "    return t // 3\n"
                  "print(acc([4, 5]), 'ok')\n";
  std::vector<uint32_t> kb = kinds(b, Language::Python);
  std::vector<uint32_t> ka = kinds(a, Language::Python);
  kb.erase(kb.begin() + 7);  // the docstring is a STR statement of its own
  CHECK(ka == kb);
  // Lines: each token where it starts.
  std::vector<Token> t = tokenize(a, Language::Python);
  CHECK(t.front().line == 1);
  CHECK(t.back().line == 6);
}

TEST_CASE("similarity tokens: Python strings with prefixes and triple quotes, brackets across lines") {
  CHECK(kinds("x = rb'a\\'b' + f\"{y}\" + '''\nmulti\n'''\n", Language::Python) ==
        of({"ID", "=", "STR", "+", "STR", "+", "STR"}));
  // An open bracket continues the line: no INDENT for the continuation.
  CHECK(kinds("f(1,\n      2)\n", Language::Python) == of({"ID", "(", "NUM", ",", "NUM", ")"}));
  std::vector<Token> t = tokenize("s = '''a\nb\nc'''\nz = 1\n", Language::Python);
  REQUIRE(t.size() == 6);
  CHECK(t[3].line == 4);
}

TEST_CASE("similarity tokens: C and C++ drop comments and preprocessor lines, keep operators") {
  const char* a = "#include <bits/stdc++.h>\n"
                  "#define MAX \\\n  100\n"
                  "using namespace std;\n"
                  "/* sum */ int main() { long long s = 0x1F; // hex\n"
                  "  for (int i = 0; i < 10; ++i) s += i << 1;\n"
                  "  cout << s << \"\\n\" << 'c' << 1e-9 << endl; }\n";
  CHECK(kinds(a, Language::Cpp) ==
        of({"using", "namespace", "std", ";", "int", "ID", "(", ")", "{", "long", "long", "ID", "=", "NUM", ";",
            "for", "(", "int", "ID", "=", "NUM", ";", "ID", "<", "NUM", ";", "++", "ID", ")", "ID", "+=", "ID", "<<",
            "NUM", ";", "cout", "<<", "ID", "<<", "STR", "<<", "STR", "<<", "NUM", "<<", "endl", ";", "}"}));
  std::vector<Token> t = tokenize(a, Language::Cpp);
  CHECK(t.front().line == 4);  // after the two directives (one continued over two lines)
  CHECK(t.back().line == 7);
  CHECK(kinds("int x = a->b;", Language::C) == of({"int", "ID", "=", "ID", "->", "ID", ";"}));
}

TEST_CASE("similarity tokens: Java and JavaScript") {
  CHECK(kinds("public class Main { public static void main(String[] a) { System.out.println(\"hi\"); } }",
              Language::Java) ==
        of({"public", "class", "ID", "{", "public", "static", "void", "ID", "(", "String", "[", "]", "ID", ")", "{",
            "System", ".", "ID", ".", "ID", "(", "STR", ")", ";", "}", "}"}));
  CHECK(kinds("const f = (x) => x === 1 ? `a${x}\nb` : null; // c", Language::JavaScript) ==
        of({"const", "ID", "=", "(", "ID", ")", "=>", "ID", "===", "NUM", "?", "STR", ":", "null", ";"}));
}

TEST_CASE("similarity tokens: language names and extensions; broken input never throws") {
  CHECK(language_named("python3") == Language::Python);
  CHECK(language_named("py") == Language::Python);
  CHECK(language_named("cpp20") == Language::Cpp);
  CHECK(language_named("cc") == Language::Cpp);
  CHECK(language_named("c") == Language::C);
  CHECK(language_named("java") == Language::Java);
  CHECK(language_named("javascript") == Language::JavaScript);
  CHECK(language_named("js") == Language::JavaScript);
  CHECK_FALSE(language_named("rust").has_value());
  for (Language l : {Language::Python, Language::C, Language::Cpp, Language::Java, Language::JavaScript}) {
    CHECK_NOTHROW(tokenize("\"unterminated\n/* open comment", l));
    CHECK_NOTHROW(tokenize(std::string("\xff\xfe\0x", 4), l));
    CHECK(tokenize("", l).empty());
  }
}
