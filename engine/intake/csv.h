// CSV as spreadsheets and people write it (RFC 4180): comma-separated fields,
// double quotes around fields that hold commas, quotes ("" inside) or line breaks,
// LF or CRLF line ends, an optional UTF-8 byte-order mark. A header row names the
// columns.
//
// Contract: parse_csv() is pure. It never throws and never drops a row silently:
// every row comes back with the line it starts on, and a row that cannot be read
// (not UTF-8, a quote left open, more or fewer fields than the header) comes back
// with an error that names the line (and column) instead of its fields, so that
// an import can report it and carry on with the rest.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "package/utf8.h"

namespace intake {

struct CsvRow {
  int line = 0;                     // 1-based line the row starts on
  std::vector<std::string> fields;  // as many as the header has, when error is empty
  std::string error;                // why the row cannot be used
};

struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRow> rows;
  std::string error;  // the file as a whole cannot be read (no header, ...)

  // The column's index, or nullopt.
  std::optional<size_t> column(std::string_view name) const;
};

CsvTable parse_csv(std::string_view text);

// One field as written back to CSV: quoted (with "" inside) when it holds a comma,
// a quote or a line break, else as is.
std::string csv_quote(std::string_view field);

using package::valid_utf8;  // the imports hold their text to the same UTF-8 as packages

}  // namespace intake
