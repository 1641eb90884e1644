// The attack table: one row per attack, "attack | expected | observed", printed
// to the test log and saved under TABLE_DIR so the sandbox_attack_table test
// can print the whole table after every case has run.
#pragma once

#include <string>

#include "box.h"

namespace table {

// Saves and prints one row. `observed` is the status plus the program's first
// verdict line (BLOCKED/ESCAPED/...), so the row shows what actually happened.
void row(const std::string& attack, const std::string& expected, const box::Result& r);
void row(const std::string& attack, const std::string& expected, const box::Report& r,
         const std::string& out = "");
// For outcomes seen on the host rather than in a report.
void row(const std::string& attack, const std::string& expected, const std::string& observed);

}  // namespace table
