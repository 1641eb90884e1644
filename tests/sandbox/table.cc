#include "table.h"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace table {
namespace {

const char* const kVerdicts[] = {"BLOCKED",     "ESCAPED",    "SURVIVED", "STOPPED",
                                 "ERRNO",       "FOUND",      "CLEAN",    "MALLOC-FAILED",
                                 "MMAP-FAILED", "MEMORYERROR"};

std::string verdict_line(const std::string& out) {
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);)
    for (const char* v : kVerdicts)
      if (line.rfind(v, 0) == 0) return line.size() > 70 ? line.substr(0, 67) + "..." : line;
  return "";
}

std::string file_name(const std::string& attack) {
  std::string s;
  for (char c : attack) s += isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return s;
}

}  // namespace

void row(const std::string& attack, const std::string& expected, const box::Report& r,
         const std::string& out) {
  std::string observed = r.parsed ? r.status : "NO-REPORT";
  if (r.limit) observed += "(" + *r.limit + ")";
  if (r.signal) observed += " sig " + std::to_string(*r.signal);
  std::string verdict = verdict_line(out);
  if (!verdict.empty()) observed += ": " + verdict;
  row(attack, expected, observed);
}

void row(const std::string& attack, const std::string& expected, const std::string& observed) {
  char line[512];
  snprintf(line, sizeof line, "| %-52s | %-14s | %s |", attack.c_str(), expected.c_str(),
           observed.c_str());
  printf("ATTACK-TABLE %s\n", line);
  fflush(stdout);
  mkdir(TABLE_DIR, 0755);
  std::ofstream(std::string(TABLE_DIR) + "/" + file_name(attack) + ".row") << line << "\n";
}

void row(const std::string& attack, const std::string& expected, const box::Result& r) {
  row(attack, expected, r.report, r.out);
}

}  // namespace table
