#include "intake/csv.h"

#include <doctest/doctest.h>

using namespace intake;

TEST_CASE("csv: quoted fields with commas, quotes and line breaks; CRLF; a BOM; blank lines") {
  CsvTable t = parse_csv(
      "\xEF\xBB\xBF" "applicant_id,name,email,affiliation\r\n"
      "a1,\"Doe, Jane\",jane@x.org,Uni A\r\n"
      "\n"
      "a2,\"Said \"\"hi\"\"\",s@y.org,\"Line one\nline two\"\n"
      "a3,Zoë,z@z.org,\n");
  REQUIRE(t.error == "");
  CHECK(t.header == std::vector<std::string>{"applicant_id", "name", "email", "affiliation"});
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0].line == 2);
  CHECK(t.rows[0].fields[1] == "Doe, Jane");
  CHECK(t.rows[1].line == 4);
  CHECK(t.rows[1].fields[1] == "Said \"hi\"");
  CHECK(t.rows[1].fields[3] == "Line one\nline two");
  CHECK(t.rows[2].line == 6);  // the quoted line break counted
  CHECK(t.rows[2].fields[1] == "Zoë");
  CHECK(t.rows[2].fields[3] == "");
  CHECK(*t.column("email") == 2);
  CHECK_FALSE(t.column("phone").has_value());
}

TEST_CASE("csv: a bad row names its line and why, and the rows after it still come") {
  CsvTable t = parse_csv(
      "id,name\n"
      "a1,Ann\n"
      "a2,Bob,extra\n"
      "a3,\"Q\"x\n"
      "a4,\xC3\x28\n"
      "a5,\xED\xA0\x80\n"
      "a6,Eve\n"
      "a7,\"never closed\n");
  REQUIRE(t.error == "");
  REQUIRE(t.rows.size() == 7);
  CHECK(t.rows[0].error == "");
  CHECK(t.rows[1].line == 3);
  CHECK(t.rows[1].error == "expected 2 fields (as the header), found 3");
  CHECK(t.rows[2].line == 4);
  CHECK(t.rows[2].error == "text after a closing quote (column 2)");
  CHECK(t.rows[3].line == 5);
  CHECK(t.rows[3].error == "column 2 (name): not UTF-8 text (byte 1 of the field)");
  CHECK(t.rows[4].error.find("not UTF-8") != std::string::npos);  // a UTF-16 surrogate
  CHECK(t.rows[5].line == 7);
  CHECK(t.rows[5].fields[1] == "Eve");
  CHECK(t.rows[6].line == 8);
  CHECK(t.rows[6].error == "a quoted field is never closed");
  CHECK(t.rows[6].fields.empty());
}

TEST_CASE("csv: an empty file or a broken header is an error of the file") {
  CHECK(parse_csv("").error == "empty: expected a header row");
  CHECK(parse_csv("\"id,name\n").error == "line 1: a quoted field is never closed");
  CHECK(parse_csv("id,\xFF\n").error == "line 1, column 2: the header is not UTF-8 text");
  CsvTable no_rows = parse_csv("id,name\n");
  CHECK(no_rows.error == "");
  CHECK(no_rows.rows.empty());
}

TEST_CASE("utf-8: overlong forms and out-of-range code points are not UTF-8") {
  size_t at = 99;
  CHECK(valid_utf8("plain ascii"));
  CHECK(valid_utf8("\xF0\x9F\x98\x80"));  // an emoji
  CHECK_FALSE(valid_utf8("ab\xC0\xAF", &at));
  CHECK(at == 2);
  CHECK_FALSE(valid_utf8("\xE0\x80\xAF"));
  CHECK_FALSE(valid_utf8("\xF4\x90\x80\x80"));
  CHECK_FALSE(valid_utf8("\xE2\x82"));
}
