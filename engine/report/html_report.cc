#include "report/html_report.h"

#include <string_view>

#include "report/report_dom.inc"
#include "report/report_logic.inc"
#include "report/report_page.inc"

namespace report {
namespace {

// For text and for attribute values alike (both quote kinds), so one function
// serves wherever the title lands.
std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// Inside a script element only "</script" and "<!--" (which can make a later
// "</script>" not count, or a "<script" open a nested one) change how HTML reads
// the text, and both start with '<'. In valid JSON a '<' can only sit inside a
// string, where \u003c is the same character to JSON.parse; so replacing every
// '<' leaves the data as it was and the element closes only where we close it.
// Invalid JSON stays contained too: the page then reports that it cannot read it.
std::string embed_json(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 32);
  for (char c : json) {
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  }
  return out;
}

void replace_once(std::string& s, std::string_view what, std::string_view with) {
  size_t at = s.find(what);
  if (at != std::string::npos) s.replace(at, what.size(), with);
}

}  // namespace

std::string html_report(const std::string& ranking_json, const std::string& title) {
  const std::string safe_title = escape_html(title);
  std::string body = page::kBody;
  replace_once(body, "%TITLE%", safe_title);

  std::string out;
  out.reserve(ranking_json.size() + sizeof(page::kStyle) + sizeof(page::kBody) + sizeof(page::kLogicScript) +
              sizeof(page::kPageScript) + 1024);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  // The browser itself enforces "no network": even data that got past the
  // escaping could load nothing, and a later edit that adds a URL fails visibly.
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
         "base-uri 'none'; form-action 'none'\">\n";
  out += "<title>" + safe_title + "</title>\n";
  out += "<style>";
  out += page::kStyle;
  out += "</style>\n</head>\n<body>\n";
  out += body;
  out += "<script type=\"application/json\" id=\"ranking\">";
  out += embed_json(ranking_json);
  out += "</script>\n<script id=\"shortlist-logic\">";
  out += page::kLogicScript;
  out += "</script>\n<script id=\"shortlist-page\">";
  out += page::kPageScript;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace report
