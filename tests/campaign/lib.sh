# Shared by the campaign tests (sourced): fail with a message, and run a command
# expecting an exit code, keeping its output in $out.
fail() { echo "FAIL: $*"; exit 1; }
expect() {  # expect WHAT EXPECTED_RC COMMAND...
  local what=$1 want=$2; shift 2
  out=$("$@" 2>&1); local rc=$?
  [ "$rc" = "$want" ] || fail "$what: exit $rc, expected $want; output: $out"
}
