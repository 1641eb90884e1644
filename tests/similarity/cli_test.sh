#!/bin/bash
# `shortlist similarity --files`: a renamed and reordered copy is flagged with its
# matching lines, an independent solution is not; bad arguments are refused.
set -u
SHORTLIST=$1
dir=$(mktemp -d /tmp/shortlist-similarity-XXXXXX)
trap 'rm -rf "$dir"' EXIT
source "$(dirname "$0")/../campaign/lib.sh"

data="$(dirname "$0")/testdata"  # the fixtures the unit test reads too
cp "$data/original.py" "$dir/orig.py"
cp "$data/copy.py" "$dir/copy.py"
cp "$data/independent.py" "$dir/other.py"
expect "similarity --json" 0 "$SHORTLIST" similarity --json --files "$dir/orig.py" "$dir/copy.py" "$dir/other.py"
/usr/bin/python3 - "$out" "$dir" <<'PYEOF' || fail "similarity --json: $out"
import json, sys
d = json.loads(sys.argv[1]); base = sys.argv[2]
pairs = {(p["a"][len(base) + 1:], p["b"][len(base) + 1:]): p for p in d["pairs"]}
copy = pairs[("orig.py", "copy.py")]
assert copy["flagged"] and copy["score"] > 0.7 and copy["longest"] >= 40, copy
# read_points() (lines 3-9 of the original) = load() (17-23 of the copy)
assert any(m["a_lines"][0] == 3 and m["b_lines"][0] == 17 for m in copy["matches"]), copy["matches"]
other = pairs.get(("orig.py", "other.py"))
assert other is None or not other["flagged"], other
assert d["clusters"] == [[base + "/orig.py", base + "/copy.py"]], d["clusters"]
assert 0.4 <= d["threshold"] <= 0.9
PYEOF
# --floor: pairs below it are left out, flagged pairs never; out of [0, 1] is refused.
# half.py: the original's first function (read_points) in the independent solution,
# a weak pair with the original that the default floor leaves out and --floor 0 keeps.
{ sed -n 1,10p "$dir/orig.py"; cat "$dir/other.py"; } > "$dir/half.py"
expect "floor default" 0 "$SHORTLIST" similarity --json --files "$dir/orig.py" "$dir/copy.py" "$dir/half.py"
default=$out
expect "floor 0" 0 "$SHORTLIST" similarity --json --floor 0 --files "$dir/orig.py" "$dir/copy.py" "$dir/half.py"
/usr/bin/python3 - "$default" "$out" <<'PYEOF' || fail "--floor 0 against the default: $default / $out"
import json, sys
default, everything = (json.loads(a) for a in sys.argv[1:3])
pairs = lambda d: {(p["a"].rsplit("/")[-1], p["b"].rsplit("/")[-1]): p["score"] for p in d["pairs"]}
weak = {k: v for k, v in pairs(everything).items() if v < 0.4}
assert weak and not set(weak) & set(pairs(default)), (weak, pairs(default))
assert set(pairs(default)) <= set(pairs(everything))
PYEOF
expect "floor 0.99" 0 "$SHORTLIST" similarity --json --floor 0.99 --files "$dir/orig.py" "$dir/copy.py" "$dir/other.py"
/usr/bin/python3 -c '
import json, sys
d = json.loads(sys.argv[1])
assert all(p["score"] >= 0.99 or p["flagged"] for p in d["pairs"]), d["pairs"]
assert any(p["flagged"] for p in d["pairs"]), "the flagged copy is printed whatever the floor"' "$out" \
  || fail "--floor 0.99: $out"
expect "floor out of range" 2 "$SHORTLIST" similarity --floor 1.5 --files "$dir/orig.py" "$dir/copy.py"
expect "plain output" 0 "$SHORTLIST" similarity --files "$dir/orig.py" "$dir/copy.py"
grep -q "copy.py  (longest" <<<"$out" || fail "plain output: $out"
cp "$dir/orig.py" "$dir/orig.rs"
expect "unknown language" 2 "$SHORTLIST" similarity --files "$dir/orig.py" "$dir/orig.rs"
grep -q "orig.rs: unknown language" <<<"$out" || fail "unknown language: $out"
expect "missing file" 2 "$SHORTLIST" similarity --files "$dir/orig.py" "$dir/nope.py"
grep -q "nope.py: cannot be read" <<<"$out" || fail "missing file: $out"
expect "one file" 2 "$SHORTLIST" similarity --files "$dir/orig.py"
echo ok
