#include "intake/csv.h"

namespace intake {
namespace {

// Reads one record starting at *pos; *lines counts the line breaks it consumed.
// false with *error if a quoted field is never closed or text follows a closing quote.
bool read_record(std::string_view text, size_t* pos, std::vector<std::string>* fields, int* lines,
                 std::string* error) {
  fields->clear();
  std::string field;
  size_t i = *pos;
  bool quoted = false, after_quote = false;
  for (;;) {
    if (i >= text.size()) {
      if (quoted) {
        *error = "a quoted field is never closed";
        *pos = i;
        return false;
      }
      fields->push_back(std::move(field));
      *pos = i;
      return true;
    }
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          i += 2;
          continue;
        }
        quoted = false;
        after_quote = true;
        ++i;
        continue;
      }
      if (c == '\n') ++*lines;
      field.push_back(c);
      ++i;
      continue;
    }
    if (c == ',') {
      fields->push_back(std::move(field));
      field.clear();
      after_quote = false;
      ++i;
      continue;
    }
    if (c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
      fields->push_back(std::move(field));
      *pos = i + (c == '\r' ? 2 : 1);
      ++*lines;
      return true;
    }
    if (after_quote) {
      *error = "text after a closing quote (column " + std::to_string(fields->size() + 1) + ")";
      // Skip to the end of the line so the next record starts cleanly.
      size_t end = text.find('\n', i);
      *pos = end == std::string_view::npos ? text.size() : end + 1;
      if (end != std::string_view::npos) ++*lines;
      return false;
    }
    if (c == '"' && field.empty()) {
      quoted = true;
      ++i;
      continue;
    }
    field.push_back(c);
    ++i;
  }
}

}  // namespace

std::optional<size_t> CsvTable::column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  return std::nullopt;
}

CsvTable parse_csv(std::string_view text) {
  CsvTable t;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t pos = 0;
  int line = 1;
  std::string error;
  // The header: skip nothing, it must be the first line.
  int lines = 0;
  if (text.empty() || !read_record(text, &pos, &t.header, &lines, &error)) {
    t.error = text.empty() ? "empty: expected a header row" : "line 1: " + error;
    return t;
  }
  size_t bad;
  for (size_t i = 0; i < t.header.size(); ++i) {
    if (!valid_utf8(t.header[i], &bad)) {
      t.error = "line 1, column " + std::to_string(i + 1) + ": the header is not UTF-8 text";
      return t;
    }
  }
  line += lines;
  while (pos < text.size()) {
    CsvRow row;
    row.line = line;
    lines = 0;
    error.clear();
    bool ok = read_record(text, &pos, &row.fields, &lines, &error);
    line += lines;
    if (ok && row.fields.size() == 1 && row.fields[0].empty()) continue;  // a blank line
    if (!ok) {
      row.error = error;
    } else if (row.fields.size() != t.header.size()) {
      row.error = "expected " + std::to_string(t.header.size()) + " fields (as the header), found " +
                  std::to_string(row.fields.size());
    } else {
      for (size_t i = 0; i < row.fields.size() && row.error.empty(); ++i)
        if (!valid_utf8(row.fields[i], &bad))
          row.error = "column " + std::to_string(i + 1) + " (" + t.header[i] + "): not UTF-8 text (byte " +
                      std::to_string(bad + 1) + " of the field)";
    }
    if (!row.error.empty()) row.fields.clear();
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string csv_quote(std::string_view field) {
  if (field.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace intake
