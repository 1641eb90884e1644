#!/bin/bash
# The report page's pure script (<script id="shortlist-logic">) under Node, with
# no DOM: sorting, filtering, the histogram, the cut position and the hash,
# checked against the ranking embedded in the same page; the DOM script
# (<script id="shortlist-page">) only gets `node --check`, as nothing here can run
# it (tests/report/report_browser_test.sh does, in a browser).
#
# usage: report_js_test.sh PAGE...
#   PAGE: a report .html file, or the engine_report_test binary, whose
#   "report: sample page" case then writes one (SHORTLIST_REPORT_SAMPLE).
set -u
fail() { echo "FAIL: $*"; exit 1; }
[ $# -ge 1 ] || { echo "usage: $0 REPORT_HTML_OR_TEST_BINARY..."; exit 2; }
command -v node >/dev/null || fail "node is not installed"
dir=$(mktemp -d /tmp/shortlist-report-js-XXXXXX)
trap 'rm -rf "$dir"' EXIT

cat >"$dir/check.js" <<'JS'
'use strict';
const fs = require('fs');
const path = require('path');
const [file, work] = process.argv.slice(2);
const html = fs.readFileSync(file, 'utf8');
const failures = [];
let checks = 0;
function check(ok, what) {
  checks++;
  if (!ok) failures.push(what);
}
function done() {
  for (const f of failures) console.log('FAIL: ' + file + ': ' + f);
  if (failures.length) process.exit(1);
  console.log(file + ': ' + checks + ' checks passed');
}

// The page closes a script element only where it means to, so a lazy match is exact.
const scripts = [];
const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
for (let m; (m = re.exec(html));) scripts.push({ attrs: m[1], text: m[2] });
const find = (id) => scripts.filter((s) => new RegExp('\\bid="' + id + '"').test(s.attrs));
check(scripts.length === 3, 'expected 3 script elements, found ' + scripts.length);
check(scripts.every((s) => !/\bsrc\s*=/i.test(s.attrs)), 'a script element has a src');
for (const id of ['ranking', 'shortlist-logic', 'shortlist-page']) check(find(id).length === 1, 'no single script#' + id);
if (failures.length) done();

let data;
try {
  data = JSON.parse(find('ranking')[0].text);
} catch (err) {
  check(false, 'the embedded ranking is not JSON: ' + err.message);
  done();
}
fs.writeFileSync(path.join(work, 'logic.js'), find('shortlist-logic')[0].text);
fs.writeFileSync(path.join(work, 'page.js'), find('shortlist-page')[0].text);
const S = require(path.join(work, 'logic.js'));
for (const f of ['sortRows', 'filterRows', 'histogram', 'cutIndex', 'parseHash', 'formatHash']) {
  check(typeof S[f] === 'function', 'shortlist-logic exports no ' + f);
}
if (failures.length) done();

const apps = data.applicants || [];
check(apps.length > 0, 'the ranking has no applicant');
const ids = (rows) => rows.map((a) => String(a.id));
const isNum = (v) => typeof v === 'number' && isFinite(v);
const before = ids(apps).join('\n');
function permutation(rows, what) {
  const want = ids(apps).sort().join('\n');
  check(ids(rows).sort().join('\n') === want, what + ': not a permutation of the applicants');
}
// Written apart from the page's compareText, as the spec: digit runs by value,
// the rest case-insensitively by code unit.
function natural(a, b) {
  const x = String(a).toLowerCase().split(/(\d+)/), y = String(b).toLowerCase().split(/(\d+)/);
  for (let i = 0; i < x.length && i < y.length; i++) {
    if (x[i] === y[i]) continue;
    if (i % 2) {
      const d = Number(x[i]) - Number(y[i]);
      if (d) return d;
      continue;
    }
    return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}
function ordered(rows, get, cmp, what) {
  for (let i = 1; i < rows.length; i++) {
    if (cmp(get(rows[i - 1]), get(rows[i])) > 0) {
      check(false, what + ': ' + rows[i - 1].id + ' before ' + rows[i].id);
      return;
    }
  }
  check(true, what);
}

// Sorting: numbers as numbers, text as text, both directions.
const byNum = (a, b) => a - b;
for (const dir of ['asc', 'desc']) {
  const rows = S.sortRows(apps, 'total', dir);
  permutation(rows, 'sort total ' + dir);
  const withTotal = rows.filter((a) => isNum(a.total));
  check(rows.slice(0, withTotal.length).every((a) => isNum(a.total)), 'sort total ' + dir + ': missing totals not last');
  ordered(withTotal, (a) => a.total, dir === 'asc' ? byNum : (x, y) => y - x, 'sort total ' + dir);
}
ordered(S.sortRows(apps, 'rank', 'asc'), (a) => a.rank, byNum, 'sort rank asc');
const idAsc = S.sortRows(apps, 'id', 'asc'), idDesc = S.sortRows(apps, 'id', 'desc');
permutation(idAsc, 'sort id asc');
ordered(idAsc, (a) => a.id, natural, 'sort id asc');
ordered(idDesc, (a) => a.id, (x, y) => natural(y, x), 'sort id desc');
check(ids(idDesc).join('\n') === ids(idAsc).reverse().join('\n'), 'sort id desc is not the reverse of asc');
// Equal text keeps rank order (the tie rule), in both directions.
for (const dir of ['asc', 'desc']) {
  const rows = S.sortRows(apps, 'band', dir);
  ordered(rows, (a) => a.band, dir === 'asc' ? natural : (x, y) => natural(y, x), 'sort band ' + dir);
  ordered(rows, (a) => a, (x, y) => (x.band === y.band ? x.rank - y.rank : 0), 'sort band ' + dir + ' ties by rank');
}
check(ids(apps).join('\n') === before, 'sortRows changed its input');

// Filtering: every term in id, name, flags or band (case-insensitive); band exact.
function matches(a, text) {
  const hay = [a.id, a.name, (a.flags || []).join(' '), a.band].filter((s) => s != null).join('\n').toLowerCase();
  return text.toLowerCase().split(/\s+/).filter(Boolean).every((t) => hay.includes(t));
}
function expectFilter(text, band) {
  const got = S.filterRows(apps, text, band);
  const want = apps.filter((a) => (!band || a.band === band) && matches(a, text));
  check(ids(got).join('\n') === ids(want).join('\n'),
    'filter "' + text + '" band "' + band + '": ' + got.length + ' rows, expected ' + want.length);
  return got;
}
check(expectFilter('', '').length === apps.length, 'an empty filter drops rows');
const probe = apps[Math.floor(apps.length / 2)];
const one = expectFilter(String(probe.id), '');
check(ids(one).includes(String(probe.id)), 'filter by id ' + probe.id + ' misses it');
check(ids(expectFilter(String(probe.id).toUpperCase(), '')).join() === ids(one).join(), 'the filter is case-sensitive');
check(ids(expectFilter(String(probe.id), probe.band)).includes(String(probe.id)), 'filter by id and its band misses it');
const otherBand = S.BANDS.find((b) => b !== probe.band);
check(!ids(expectFilter(String(probe.id), otherBand)).includes(String(probe.id)), 'filter by id and another band keeps it');
check(expectFilter('zz-no-such-applicant-zz', '').length === 0, 'a filter matching nothing keeps rows');
const flagged = apps.find((a) => (a.flags || []).length);
if (flagged) expectFilter(flagged.flags[0], '');
let banded = 0;
for (const band of S.BANDS) {
  const n = expectFilter('', band).length;
  check(n === apps.filter((a) => a.band === band).length, 'band ' + band + ': wrong count');
  banded += n;
}
check(banded === apps.length, (apps.length - banded) + ' applicants have a band the page does not know');

// The histogram: every applicant in exactly one bin, and the right one.
const totals = apps.map((a) => a.total);
const h = S.histogram(totals, 30);
const sum = (xs) => xs.reduce((s, c) => s + c, 0);
const numeric = totals.filter(isNum);
check(h.counts.length === 30, 'histogram: ' + h.counts.length + ' bins, expected 30');
check(sum(h.counts) === numeric.length, 'histogram: counts sum to ' + sum(h.counts) + ', expected ' + numeric.length);
check(numeric.length === apps.length, (apps.length - numeric.length) + ' applicants have no numeric total');
check(numeric.every((v) => v >= h.lo && v <= h.hi), 'histogram: a total outside [lo, hi]');
const recount = new Array(30).fill(0);
for (const v of numeric) recount[v === h.hi ? 29 : Math.floor((v - h.lo) / h.width)]++;
check(recount.join() === h.counts.join(), 'histogram: bins ' + h.counts.join() + ', expected ' + recount.join());
check(sum(S.histogram([5, 5, 5], 30).counts) === 3, 'histogram of equal values');
check(sum(S.histogram([], 30).counts) === 0, 'histogram of nothing');
check(sum(S.histogram([1, null, NaN, 'x', 2], 10).counts) === 2, 'histogram counts non-numbers');

// The cut row sits after rank K in rank order.
const k = (data.cut && data.cut.k) || (data.settings && data.settings.k) || 0;
const inTop = apps.filter((a) => a.rank <= k).length;
if (inTop > 0 && inTop < apps.length) {
  check(S.cutIndex(S.sortRows(apps, 'rank', 'asc'), k) === inTop, 'cut row not after rank ' + k);
  check(S.cutIndex(S.sortRows(apps, 'rank', 'desc'), k) === apps.length - inTop, 'cut row not before rank ' + k + ' (desc)');
}

// The hash: what the browser test opens the page with.
const parsed = S.parseHash('#sort=total&dir=asc&filter=app%203+x&band=borderline');
check(JSON.stringify(parsed) === JSON.stringify({ sort: 'total', dir: 'asc', filter: 'app 3 x', band: 'borderline' }),
  'parseHash: ' + JSON.stringify(parsed));
check(JSON.stringify(S.parseHash('#sort=nosuch&dir=up')) === '{}', 'parseHash keeps unknown values');
const state = { sort: 'id', dir: 'desc', filter: 'a&b=c d#e', band: 'gated' };
check(JSON.stringify(S.parseHash('#' + S.formatHash(state))) === JSON.stringify(state), 'formatHash does not round-trip');
done();
JS

n=0
for arg in "$@"; do
  n=$((n + 1))
  page=$arg
  if [[ "$arg" != *.html && -x "$arg" && ! -d "$arg" ]]; then
    page="$dir/sample-$n.html"
    SHORTLIST_REPORT_SAMPLE="$page" "$arg" --test-case='report: sample page' >"$dir/gen.log" 2>&1 ||
      fail "$arg did not write a sample page: $(cat "$dir/gen.log")"
  fi
  [ -s "$page" ] || fail "$page: no such page"
  mkdir -p "$dir/$n"
  node "$dir/check.js" "$page" "$dir/$n" || exit 1
  out=$(node --check "$dir/$n/page.js" 2>&1) || fail "$arg: the DOM script does not parse: $out"
  # What the browsers this page targets may lack (ES2020+); a cheap guard, not a parser.
  if grep -nE '\?\.[^0-9]|\?\?|\.flat(Map)?\(' "$dir/$n/logic.js" "$dir/$n/page.js"; then
    fail "$arg: the scripts use syntax newer than ES2017 (above)"
  fi
done
echo "report js: $n pages passed"
