#!/bin/bash
# The report page in a real browser: headless Chromium opens it from disk with a
# hash, runs its scripts and dumps the resulting DOM, which is checked here.
#   #sort=total&dir=asc -> EXPECTED_ROWS applicant rows in table#applicants,
#                          in ascending data-total;
#   #filter=<an id>     -> that one row;
#   #pair=0             -> (when the ranking has flagged similar pairs) the pair
#                          view open with two source columns whose coloured lines
#                          are those of the pair's matches (the longer match keeps
#                          a line two overlap on), one legend entry per match, and
#                          no element made from the hostile source text.
# Without Chromium it prints "SKIP: ..." and exits 77 (ctest: SKIP_RETURN_CODE 77).
#
# usage: report_browser_test.sh PAGE EXPECTED_ROWS
#   PAGE: a report .html file, or the engine_report_test binary, whose
#   "report: sample page" case then writes one (SHORTLIST_REPORT_SAMPLE).
#   CHROMIUM=/path/to/browser overrides the search for one.
set -u
fail() { echo "FAIL: $*"; exit 1; }
[ $# -eq 2 ] || { echo "usage: $0 REPORT_HTML_OR_TEST_BINARY EXPECTED_ROWS"; exit 2; }
page=$1 expected=$2
[[ "$expected" =~ ^[0-9]+$ ]] || fail "EXPECTED_ROWS must be a number, not '$expected'"
browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
  for name in chromium chromium-browser google-chrome-stable google-chrome; do
    browser=$(command -v "$name") && break
  done
fi
[ -n "$browser" ] || { echo "SKIP: chromium not installed"; exit 77; }
command -v python3 >/dev/null || fail "python3 is not installed"
dir=$(mktemp -d /tmp/shortlist-report-browser-XXXXXX)
trap 'rm -rf "$dir"' EXIT

if [[ "$page" != *.html && -x "$page" && ! -d "$page" ]]; then
  SHORTLIST_REPORT_SAMPLE="$dir/sample.html" "$page" --test-case='report: sample page' >"$dir/gen.log" 2>&1 ||
    fail "$page did not write a sample page: $(cat "$dir/gen.log")"
  page="$dir/sample.html"
fi
[ -s "$page" ] || fail "$page: no such page"
url=$(python3 -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).resolve().as_uri())' "$page") ||
  fail "cannot make a file URL of $page"

# dump NAME HASH: the DOM after the page's scripts ran, in $dir/NAME.html
dump() {
  timeout 120 "$browser" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --user-data-dir="$dir/profile" --virtual-time-budget=5000 --dump-dom "$url#$2" >"$dir/$1.html" 2>"$dir/$1.err" ||
    fail "$browser exited $? on $url#$2: $(tail -5 "$dir/$1.err")"
  [ -s "$dir/$1.html" ] || fail "$browser dumped nothing for $url#$2: $(tail -5 "$dir/$1.err")"
}

# The applicant rows of a dumped DOM, one per line: id, total, row text (tab-separated).
# Only rows directly in table#applicants > tbody with data-id count: the cut row,
# "no match" row and details rows (class details, with nested tables) do not.
cat >"$dir/rows.py" <<'PY'
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

class Rows(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []   # (tag, attrs) of the open elements
        self.rows = []    # [id, total, text]
        self.depth = None # stack depth of the applicant row being read
        self.error = ""
        self.in_error = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in VOID:
            return
        s = self.stack
        if (tag == "tr" and len(s) >= 2 and s[-1][0] == "tbody" and s[-2][0] == "table"
                and s[-2][1].get("id") == "applicants" and "data-id" in a
                and "details" not in (a.get("class") or "").split()):
            self.rows.append([a["data-id"], a.get("data-total"), ""])
            self.depth = len(s)
        if a.get("id") == "error":
            self.in_error = True
        s.append((tag, a))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                if self.stack[i][1].get("id") == "error":
                    self.in_error = False
                del self.stack[i:]
                break
        if self.depth is not None and len(self.stack) <= self.depth:
            self.depth = None

    def handle_data(self, data):
        if self.depth is not None:
            self.rows[-1][2] += " " + data
        if self.in_error:
            self.error += data

p = Rows()
with open(sys.argv[1], encoding="utf-8") as f:
    p.feed(f.read())
p.close()
if p.error.strip():
    print("page error: " + p.error.strip(), file=sys.stderr)
for id_, total, text in p.rows:
    print("\t".join([id_, total if total is not None else "", " ".join(text.split())]))
PY
rows() { python3 "$dir/rows.py" "$dir/$1.html" >"$dir/$1.rows" 2>"$dir/$1.rowerr" ||
  fail "cannot read the dumped DOM: $(cat "$dir/$1.rowerr")"; }

dump sorted 'sort=total&dir=asc'
rows sorted
got=$(wc -l <"$dir/sorted.rows")
[ "$got" -eq "$expected" ] || fail "#sort=total&dir=asc: $got applicant rows, expected $expected $(cat "$dir/sorted.rowerr")"
order=$(python3 - "$dir/sorted.rows" 2>&1 <<'PY'

import sys
totals = [line.split("\t")[1] for line in open(sys.argv[1], encoding="utf-8")]
seen_missing = False
prev = None
for i, t in enumerate(totals):
    if t == "":
        seen_missing = True   # no total: sorts last
        continue
    if seen_missing:
        sys.exit("row %d has a total after a row without one" % (i + 1))
    v = float(t)
    if prev is not None and v < prev:
        sys.exit("row %d: total %s after %s" % (i + 1, t, prev))
    prev = v
PY
) || fail "#sort=total&dir=asc: rows not in ascending total: $order"

# An id that no other row's id, name, flags or band contains, so that filtering
# by it must leave exactly its row.
[ "$expected" -gt 0 ] || { echo "report browser: 0 rows as expected (no filter check)"; exit 0; }
id=$(python3 - "$dir/sorted.rows" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8")]
for i, (id_, _, _) in enumerate(rows):
    if id_ and not any(id_.lower() in text.lower() for j, (_, _, text) in enumerate(rows) if j != i):
        print(id_)
        break
PY
)
[ -n "$id" ] || fail "no applicant id is unique enough to filter by"
enc=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$id")
dump filtered "filter=$enc"
rows filtered
got=$(cut -f1 "$dir/filtered.rows")
[ "$got" = "$id" ] || fail "#filter=$enc: rows [$(tr '\n' ' ' <<<"$got")], expected just $id $(cat "$dir/filtered.rowerr")"

# The pair view. Expected marks come from the page's own JSON, computed here
# apart from the page's lineMarks: a line lies in the first match (longest
# first) whose range on its side contains it; lines end at "\n".
cat >"$dir/pair.py" <<'PY'
import json, re, sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
page, dumped = sys.argv[1], sys.argv[2]
text = open(page, encoding="utf-8").read()
m = re.search(r'<script type="application/json" id="ranking">(.*?)</script>', text, re.S)
data = json.loads(m.group(1)) if m else {}
pairs = (data.get("similarity") or {}).get("pairs") or []
if not pairs:
    print("no flagged pair")
    sys.exit(0)
pair = pairs[0]
matches = pair.get("matches") or []

def expected(side):
    source = pair.get("source_" + side)
    lines = source.split("\n") if isinstance(source, str) and source else []
    if lines and lines[-1] == "":
        lines.pop()
    marks = []
    for n in range(1, len(lines) + 1):
        hit = [i for i, x in enumerate(matches) if x[side + "_lines"][0] <= n <= x[side + "_lines"][1]]
        marks.append(str(hit[0]) if hit else "")
    return marks

class View(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.view_open = None  # hidden or not, once #pair-view is seen
        self.side = None
        self.lines = {}        # side -> [data-match or ""]
        self.legend = 0
        self.elements = set()  # tags seen inside the view

    def inside(self):
        return any(a.get("id") == "pair-view" for _, a in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id") == "pair-view":
            self.view_open = "hidden" not in a
        if self.inside():
            self.elements.add(tag)
            if "data-side" in a:
                self.side = a["data-side"]
                self.lines[self.side] = []
            classes = (a.get("class") or "").split()
            if "line" in classes and self.side:
                mark = a.get("data-match") or ""
                if mark and ("m%d" % (int(mark) % 6)) not in classes:
                    sys.exit("line %s of %s: data-match %s without its colour class" % (a.get("data-line"), self.side, mark))
                self.lines[self.side].append(mark)
            if "data-show-match" in a:
                self.legend += 1
        if tag not in VOID:
            self.stack.append((tag, a))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

v = View()
v.feed(open(dumped, encoding="utf-8").read())
v.close()
if not v.view_open:
    sys.exit("the pair view is not open")
if sorted(v.lines) != ["a", "b"]:
    sys.exit("source columns: %s, expected a and b" % sorted(v.lines))
for side in "ab":
    want = expected(side)
    if v.lines[side] != want:
        sys.exit("side %s: marks %s, expected %s" % (side, v.lines[side], want))
    if matches and not any(v.lines[side]):
        sys.exit("side %s: no highlighted line" % side)
if v.legend != len(matches):
    sys.exit("legend: %d entries for %d matches" % (v.legend, len(matches)))
for bad in ("img", "script", "iframe"):
    if bad in v.elements:
        sys.exit("a <%s> element inside the pair view" % bad)
print("pair 0: %d + %d lines, %d highlighted, %d matches" % (len(v.lines["a"]), len(v.lines["b"]),
      sum(1 for s in "ab" for x in v.lines[s] if x), len(matches)))
PY
dump pair 'pair=0'
pair=$(python3 "$dir/pair.py" "$page" "$dir/pair.html" 2>&1) || fail "#pair=0: $pair"
echo "report browser: $expected rows in ascending total; #filter=$enc leaves $id; #pair=0: $pair"
