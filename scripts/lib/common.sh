# Shared by scripts/test, scripts/demo and scripts/bench: install what is missing, build.
# Sourced, not run. Works on a fresh Debian 12 machine as root.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${SHORTLIST_BUILD:-$ROOT/build}

# Debian packages the project builds and tests with (README lists what each is for).
PACKAGES=(
  g++ gcc libc6-dev cmake ninja-build     # toolchain (libc6-dev: static libc for shortlist-box)
  libseccomp-dev                          # seccomp policy compiled to BPF at build time
  rapidjson-dev                           # JSON reports and the resident protocol
  libcli11-dev                            # command-line parsing
  libyaml-cpp-dev                         # problem.yaml, testdata.yaml (problem packages)
  libssl-dev                              # SHA-256 keys of the compile cache (OpenSSL libcrypto)
  libsqlite3-dev                          # the campaign store (shortlist.db)
  libboost-dev                            # Boost.Asio: the grading dispatcher's event loop
  doctest-dev                             # unit and integration tests
  python3 python3-numpy                   # Debian's /usr/bin/python3 (with numpy: ML quiz solutions)
  openjdk-17-jdk-headless nodejs          # Java and JavaScript submissions (languages.yaml)
  procps                                  # ps/pgrep used by tests to look for survivors
)

# Wanted but not required: without them a test is reported as skipped, not passed.
OPTIONAL_PACKAGES=(
  chromium                                # the report page's browser test (headless)
)

log() { printf '[%s] %s\n' "$(basename "$0")" "$*" >&2; }

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if ((${#missing[@]})); then
    if [ "$(id -u)" != 0 ]; then
      log "missing packages: ${missing[*]} (run as root to install them)"; return 1
    fi
    log "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  local optional=()
  for p in "${OPTIONAL_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || optional+=("$p")
  done
  if ((${#optional[@]})) && [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    ((${#missing[@]})) || timeout 120 apt-get update -qq >/dev/null 2>&1 || true
    timeout 600 apt-get install -y -qq --no-install-recommends "${optional[@]}" >/dev/null 2>&1 ||
      log "could not install ${optional[*]} (no package registry?): the tests that need them will be skipped"
  fi
}

build() {
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$BUILD" -- -j"$(nproc)"
}
