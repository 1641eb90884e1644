#!/bin/bash
# `shortlist similarity --files`: a renamed and reordered copy is flagged with its
# matching lines, an independent solution is not; bad arguments are refused.
set -u
SHORTLIST=$1
dir=$(mktemp -d /tmp/shortlist-similarity-XXXXXX)
trap 'rm -rf "$dir"' EXIT
source "$(dirname "$0")/../campaign/lib.sh"

cat >"$dir/orig.py" <<'PY'
import sys

def read_points(stream):
    n = int(stream.readline())
    pts = []
    for _ in range(n):
        x, y = map(float, stream.readline().split())
        pts.append((x, y))
    return pts

def spread(pts, c):
    best = 0.0
    for x, y in pts:
        d = (x - c[0]) ** 2 + (y - c[1]) ** 2
        if d > best:
            best = d
    return best ** 0.5

pts = read_points(sys.stdin)
c = (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
print("%.6f %.6f %.6f" % (c[0], c[1], spread(pts, c)))
PY
cat >"$dir/copy.py" <<'PY'
import sys
# written from scratch, honestly
def far(points, m):
    top = 0.0
    for u, v in points:
        dist = (u - m[0]) ** 2 + (v - m[1]) ** 2
        if dist > top:
            top = dist
    return top ** 0.5

def load(f):
    count = int(f.readline())
    out = []
    for _ in range(count):
        u, v = map(float, f.readline().split())
        out.append((u, v))
    return out

points = load(sys.stdin)
m = (sum(q[0] for q in points) / len(points), sum(q[1] for q in points) / len(points))
print("%.3f %.3f %.3f" % (m[0], m[1], far(points, m)))
PY
cat >"$dir/other.py" <<'PY'
import sys
data = sys.stdin.read().split()
n = int(data[0])
xs = [float(v) for v in data[1::2][:n]]
ys = [float(v) for v in data[2::2][:n]]
mx, my = sum(xs) / n, sum(ys) / n
r = max(((a - mx) ** 2 + (b - my) ** 2) ** 0.5 for a, b in zip(xs, ys))
print(f"{mx:.6f} {my:.6f} {r:.6f}")
PY
expect "similarity --json" 0 "$SHORTLIST" similarity --json --files "$dir/orig.py" "$dir/copy.py" "$dir/other.py"
/usr/bin/python3 - "$out" "$dir" <<'PYEOF' || fail "similarity --json: $out"
import json, sys
d = json.loads(sys.argv[1]); base = sys.argv[2]
pairs = {(p["a"][len(base) + 1:], p["b"][len(base) + 1:]): p for p in d["pairs"]}
copy = pairs[("orig.py", "copy.py")]
assert copy["flagged"] and copy["score"] > 0.7 and copy["longest"] >= 40, copy
lines = sorted((m["a_lines"], m["b_lines"]) for m in copy["matches"])
assert [3, 9] in [l[0] for l in lines] or any(a[0] <= 3 and a[1] >= 9 for a, _ in lines), lines  # read_points = load
other = pairs.get(("orig.py", "other.py"))
assert other is None or not other["flagged"], other
assert d["clusters"] == [[base + "/orig.py", base + "/copy.py"]], d["clusters"]
assert 0.4 <= d["threshold"] <= 0.9
PYEOF
expect "plain output" 0 "$SHORTLIST" similarity --files "$dir/orig.py" "$dir/copy.py"
grep -q "copy.py  (longest" <<<"$out" || fail "plain output: $out"
cp "$dir/orig.py" "$dir/orig.rs"
expect "unknown language" 2 "$SHORTLIST" similarity --files "$dir/orig.py" "$dir/orig.rs"
grep -q "orig.rs: unknown language" <<<"$out" || fail "unknown language: $out"
expect "missing file" 2 "$SHORTLIST" similarity --files "$dir/orig.py" "$dir/nope.py"
grep -q "nope.py: cannot be read" <<<"$out" || fail "missing file: $out"
expect "one file" 2 "$SHORTLIST" similarity --files "$dir/orig.py"
echo ok
