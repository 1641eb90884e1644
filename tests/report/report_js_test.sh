#!/bin/bash
# The report page's pure script (<script id="shortlist-logic">) under Node, with
# no DOM: sorting, filtering, the histogram, the cut position, the hash and the
# similarity evidence (line marks, legend, applicant <-> pair links), checked
# against the ranking embedded in the same page; the DOM script
# (<script id="shortlist-page">) only gets `node --check`, as nothing here can run
# it (tests/report/report_browser_test.sh does, in a browser).
# Each page is checked twice: as given, and with "similarity" (and what refers to
# it) taken out of its ranking, as a ranking written before similarity ran.
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
for (const f of ['sortRows', 'filterRows', 'histogram', 'cutIndex', 'parseHash', 'formatHash',
  'similarity', 'splitLines', 'lineMarks', 'legendText', 'similarEntries']) {
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
const withPair = { sort: 'rank', dir: 'asc', pair: 2 };
check(JSON.stringify(S.parseHash('#' + S.formatHash(withPair))) === JSON.stringify(withPair), 'formatHash drops pair');
check(S.parseHash('#pair=x').pair === undefined && S.parseHash('#pair=-1').pair === undefined, 'parseHash keeps a bad pair');
check(S.formatHash({ sort: 'rank', dir: 'asc', pair: null }) === 'sort=rank&dir=asc', 'formatHash writes pair=null');

// Similarity evidence. Absent (never run) or present, the page gets one shape.
const sim = S.similarity(data);
check(sim.ran === (data.similarity !== undefined && data.similarity !== null), 'similarity: ran is ' + sim.ran);
check(Array.isArray(sim.problems) && Array.isArray(sim.pairs), 'similarity: not arrays');
check(JSON.stringify(S.similarity({})) === '{"ran":false,"problems":[],"pairs":[]}', 'similarity of {}');
const linesOf = (p, s) => S.splitLines(p['source_' + s]);

// Every applicant's entry points at a pair joining it and `with` in that problem,
// which S.similarEntries resolves to the same index; and the flag is there.
const byApp = new Map(apps.map((a) => [String(a.id), a]));
for (const a of apps) {
  const entries = Array.isArray(a.similarity) ? a.similarity : [];
  const resolved = S.similarEntries(sim, a);
  check(resolved.length === entries.length, a.id + ': similarEntries dropped an entry');
  entries.forEach((e, j) => {
    const p = sim.pairs[e.pair];
    const joins = p && p.problem === e.problem &&
      ((String(p.a) === String(a.id) && String(p.b) === String(e.with)) ||
       (String(p.b) === String(a.id) && String(p.a) === String(e.with)));
    check(Number.isInteger(e.pair) && joins, a.id + ': similarity[' + j + '].pair ' + e.pair + ' does not join it and ' + e.with);
    check(resolved[j] && resolved[j].pair === e.pair, a.id + ': similarEntries resolves entry ' + j + ' elsewhere');
    check((a.flags || []).includes('similar:' + e.problem), a.id + ': no flag similar:' + e.problem);
  });
  // A flag with no entry would be a badge the reader cannot follow.
  for (const f of a.flags || []) {
    const problem = S.similarProblem(f);
    if (problem !== null) check(entries.some((e) => e.problem === problem), a.id + ': flag ' + f + ' without an entry');
  }
}
// ... and every pair shows in both applicants' lists.
sim.pairs.forEach((p, i) => {
  for (const s of ['a', 'b']) {
    const a = byApp.get(String(p[s]));
    check(a && (a.similarity || []).some((e) => e.pair === i), 'pair ' + i + ': not in ' + p[s] + "'s similarity");
  }
});
// A stale or hand-edited index resolves to the right pair, or to none.
if (sim.pairs.length) {
  const p = sim.pairs[0];
  const wrong = sim.pairs.length > 1 ? 1 : 99;
  check(S.entryPair(sim, p.a, { problem: p.problem, with: p.b, pair: wrong }) === 0, 'entryPair trusts a wrong index');
  check(S.entryPair(sim, p.a, { problem: p.problem, with: 'zz-nobody', pair: 0 }) === -1, 'entryPair joins a stranger');
}
// The table's badge: "similar" finds exactly the flagged applicants.
const similar = apps.filter((a) => (a.flags || []).some((f) => /^similar:/.test(f)));
check(ids(S.filterRows(apps, 'similar:', '')).join() === ids(similar).join(), 'filter "similar:" misses flagged rows');
if (!sim.ran) check(similar.length === 0, 'similar: flags without a similarity section');

// Line marks, for every side of every pair: one per line; a marked line lies in
// its match and in no earlier (longer) one; an unmarked line in none.
const inRange = (m, s, line) => {
  const r = m && m[s + '_lines'];
  return Array.isArray(r) && r[0] <= line && line <= r[1];
};
sim.pairs.forEach((p, i) => {
  const matches = p.matches || [];
  for (const s of ['a', 'b']) {
    const lines = linesOf(p, s);
    const marks = S.lineMarks(lines.length, matches, s);
    check(marks.length === lines.length, 'pair ' + i + s + ': ' + marks.length + ' marks for ' + lines.length + ' lines');
    const bad = marks.findIndex((m, j) => {
      const first = matches.findIndex((x) => inRange(x, s, j + 1));
      return m !== first;
    });
    check(bad === -1, 'pair ' + i + s + ': line ' + (bad + 1) + ' marked ' + marks[bad]);
    check(lines.every((l) => !l.includes('\r')), 'pair ' + i + s + ': a line keeps its \\r');
  }
  matches.forEach((m, j) => {
    check(/^match \d+: (\d+ tokens, )?lines (\d+(-\d+)?|\?) ~ (\d+(-\d+)?|\?)$/.test(S.legendText(m, j)),
      'pair ' + i + ': legend "' + S.legendText(m, j) + '"');
  });
});
// Exactly, for the sample's first pair (html_report_test.cc): two matches, the
// second overlapping the first on a's line 6 (the longer one keeps it), b in CRLF.
const sample = sim.pairs.findIndex((p) => p.problem === 'meanvar' && p.a === 'app-3' && p.b === 'app-12');
if (sample >= 0) {
  const p = sim.pairs[sample];
  const a = S.splitLines(p.source_a), b = S.splitLines(p.source_b);
  check(a.length === 11 && b.length === 14, 'sample pair: ' + a.length + ' and ' + b.length + ' lines, expected 11 and 14');
  const marksA = S.lineMarks(a.length, p.matches, 'a'), marksB = S.lineMarks(b.length, p.matches, 'b');
  check(marksA.join() === '-1,-1,1,1,1,0,0,0,0,0,0', 'sample pair: a marks ' + marksA.join());
  check(marksB.join() === '-1,1,1,-1,-1,-1,-1,0,0,0,0,0,0,-1', 'sample pair: b marks ' + marksB.join());
  const legend = p.matches.map(S.legendText).join(' | ');
  check(legend === 'match 1: 40 tokens, lines 6-11 ~ 8-13 | match 2: 18 tokens, lines 3-6 ~ 2-3', 'sample legend: ' + legend);
  check(a[0] === '# mean and variance </script><img src=x onerror=alert(1)>', 'sample pair: hostile line 1 is ' + a[0]);
  check(S.matchClass(0) !== S.matchClass(1), 'two matches share a colour');
}
// Edge cases: ranges past the end are clipped, malformed ones ignored.
const edge = (n, m, s) => S.lineMarks(n, m, s).join();
check(edge(3, [{ a_lines: [2, 9], b_lines: [1, 1] }], 'a') === '-1,0,0', 'lineMarks: a range past the end');
check(edge(2, [{ a_lines: [5, 9] }], 'a') === '-1,-1', 'lineMarks: a range after the end');
check(edge(3, [{ a_lines: [3, 1] }, { a_lines: 'x' }, null, { b_lines: [1, 3] }], 'a') === '-1,-1,-1', 'lineMarks: malformed');
check(edge(3, [{ b_lines: [1, 1] }, { b_lines: [1, 3] }], 'b') === '0,1,1', 'lineMarks: the first match wins');
check(edge(0, undefined, 'a') === '' && edge(2, null, 'b') === '-1,-1', 'lineMarks without matches');
check(S.legendText({ tokens: 7, a_lines: [4, 4], b_lines: [1, 2] }, 2) === 'match 3: 7 tokens, lines 4 ~ 1-2', 'legend of one line');
check(S.legendText({}, 0) === 'match 1: lines ? ~ ?', 'legend of a malformed match');
check(S.splitLines('x\r\ny\n').join('|') === 'x|y' && S.splitLines('').length === 0 && S.splitLines('a\rb').length === 1,
  'splitLines: lines end at \\n only');
console.log(file + ': similarity: ' + (sim.ran ? sim.problems.length + ' problems, ' + sim.pairs.length + ' pairs' : 'none'));
done();
JS

# The same page as a ranking written before similarity ran: no "similarity", no
# applicants[].similarity, no "similar:" flag; embedded as html_report.cc does.
cat >"$dir/strip.js" <<'JS'
'use strict';
const fs = require('fs');
const [src, dst] = process.argv.slice(2);
const html = fs.readFileSync(src, 'utf8');
const open = '<script type="application/json" id="ranking">';
const from = html.indexOf(open) + open.length, to = html.indexOf('</script>', from);
if (from < open.length || to < 0) throw new Error(src + ': no ranking script element');
const data = JSON.parse(html.slice(from, to));
delete data.similarity;
for (const a of data.applicants || []) {
  delete a.similarity;
  if (Array.isArray(a.flags)) a.flags = a.flags.filter((f) => !/^similar:/.test(f));
}
fs.writeFileSync(dst, html.slice(0, from) + JSON.stringify(data, null, 1).replace(/</g, '\\u003c') + html.slice(to));
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
  node "$dir/strip.js" "$page" "$dir/$n/no-similarity.html" || fail "$page: cannot take similarity out"
  mkdir -p "$dir/$n/no-similarity"
  node "$dir/check.js" "$dir/$n/no-similarity.html" "$dir/$n/no-similarity" || exit 1
  out=$(node --check "$dir/$n/page.js" 2>&1) || fail "$arg: the DOM script does not parse: $out"
  # What the browsers this page targets may lack (ES2020+); a cheap guard, not a parser.
  if grep -nE '\?\.[^0-9]|\?\?|\.flat(Map)?\(' "$dir/$n/logic.js" "$dir/$n/page.js"; then
    fail "$arg: the scripts use syntax newer than ES2017 (above)"
  fi
done
echo "report js: $n pages passed (each also without similarity)"
