#!/usr/bin/env bash
# The Linux release archive: the frozen folder dist/RosterEditor/ packed as
# dist/installer/RosterEditor-<version>-linux-x64.tar.xz. Used by the release workflow and by
# `ARCHIVE=1 packaging/linux/build_and_self_test.sh`; .ci/run does not build it (xz -9 takes
# minutes on a loaded 2-core machine).
#
# The same folder gives the same archive: files in name order, owned by root, every time stamp
# the last commit's (SOURCE_DATE_EPOCH overrides it). DIST and OUT move the folders.
set -euo pipefail
cd "$(dirname "$0")/../.."
DIST="${DIST:-dist}"
OUT="${OUT:-$DIST/installer}"
[ -x "$DIST/RosterEditor/RosterEditor" ] || { echo "FAIL: no $DIST/RosterEditor/RosterEditor: freeze build.spec first" >&2; exit 1; }
version=$(python3 -c "import ast,pathlib; t=ast.parse(pathlib.Path('rostereditor/__init__.py').read_text()); print(next(ast.literal_eval(n.value) for n in t.body if isinstance(n, ast.Assign) and n.targets[0].id == '__version__'))")
epoch="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}"
archive="$OUT/RosterEditor-$version-linux-x64.tar.xz"
mkdir -p "$OUT"
started=$(date +%s)
# The two executables first and side by side: on Linux they are the same 5 MB file (PyInstaller
# puts the Python code into each), and xz only notices a repeat within its 64 MB window.
# --x86 (xz's filter for machine code; any xz or `tar -xJf` unpacks it) then -9: 53.9 MB where
# plain -9 gives 57.3 MB for the same 234 MB folder. One thread: -T0 cuts the stream into
# 192 MB blocks that start from an empty window (56.0 MB), and with two blocks saves little
# time anyway (4.5 against about 5.5 minutes on the shared 2-core machine, ~3 on a CI runner).
tar -C "$DIST" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -cf - \
    --no-recursion RosterEditor --recursion RosterEditor/RosterEditor RosterEditor/rostereditor-cli \
    RosterEditor/_internal \
  | xz --x86 --lzma2=preset=9 -T1 >"$archive"
bytes=$(stat -c %s "$archive")
echo "== $archive: $bytes bytes ($(( bytes / 100000 / 10 )).$(( bytes / 100000 % 10 )) MB) in $(( $(date +%s) - started )) s"
