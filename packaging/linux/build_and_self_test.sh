#!/usr/bin/env bash
# CI check that build.spec still produces a working app: freeze for Linux with PyInstaller, run
# the frozen app's --self-test headless, print its size and launch-to-window time.
# Called by .ci/run after the tests. Fails on any problem. About a minute on 2 cores.
#
#   packaging/linux/build_and_self_test.sh            (from anywhere in the checkout)
#
# Output: dist/RosterEditor/ (the frozen app) and dist/smoke-summary.json (the measurements).
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON="${PYTHON:-python3}"
started=$(date +%s)

# Offscreen Qt needs these; PyInstaller needs ldd/objdump (libc-bin, binutils) to trace libraries.
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  missing=""
  for pkg in libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 binutils; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    echo "== installing:$missing"
    # shellcheck disable=SC2086 # one argument per package
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  fi
fi

# The app's own dependencies come from the test install .ci/run already did; add the freezer.
"$PYTHON" -c "import rostereditor, PySide6" 2>/dev/null || "$PYTHON" -m pip install -q -e .
"$PYTHON" -c "import PyInstaller" 2>/dev/null || "$PYTHON" -m pip install -q "pyinstaller>=6.5"

echo "== freezing with PyInstaller $("$PYTHON" -m PyInstaller --version)"
build_log="build/pyinstaller.log"
mkdir -p build
# --clean: a stale analysis cache could hide a missing hidden import.
if ! "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
     --distpath dist --workpath build/pyinstaller build.spec >"$build_log" 2>&1; then
  tail -n 60 "$build_log"
  echo "FAIL: PyInstaller could not build build.spec (full log: $build_log)" >&2
  exit 1
fi
# Missing xcb/gtk libraries only matter on a real desktop, never for the offscreen check.
grep -E "ERROR|WARNING" "$build_log" | grep -v -E "Library not found|libxcb|libgtk|libgdk" \
  | grep -v -E "Hidden import .*(pycparser|lextab|yacctab)" | head -n 20 || true
echo "== frozen in $(( $(date +%s) - started )) s"

"$PYTHON" packaging/smoke_test.py dist/RosterEditor --runs 3 --summary dist/smoke-summary.json
echo "== build and frozen self-test passed in $(( $(date +%s) - started )) s"
