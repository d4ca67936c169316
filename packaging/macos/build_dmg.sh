#!/usr/bin/env bash
# Turn dist/RosterEditor.app (from `pyinstaller build.spec` on a Mac) into a DMG:
# verify the signature, notarize and staple when credentials are present, smoke-test the
# app, build the DMG, then smoke-test the app again from the mounted DMG.
#
#   packaging/macos/build_dmg.sh
#   -> dist/installer/RosterEditor-<version>-macos-<arm64|x86_64>.dmg
#
# Signing is decided at build time: build.spec signs every binary with
# $MACOS_CODESIGN_IDENTITY when it is set (hardened runtime + entitlements; set
# PYINSTALLER_STRICT_BUNDLE_CODESIGN_ERROR=1 so a binary that cannot be signed fails), otherwise
# PyInstaller signs ad hoc, which is enough to run on the build machine but not to pass
# Gatekeeper elsewhere. Notarization runs only with an App Store Connect API key:
#   APPLE_API_KEY_PATH (.p8 file), APPLE_API_KEY_ID, APPLE_API_ISSUER
# Without those (forks, pull requests, local builds) the steps are skipped, not failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON="${PYTHON:-python3}"

APP="dist/RosterEditor.app"
[ -d "$APP" ] || { echo "FAIL: $APP not found; run pyinstaller build.spec first" >&2; exit 1; }
VERSION=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$APP/Contents/Info.plist")
ARCH=$(uname -m)
OUT_DIR="dist/installer"
DMG="$OUT_DIR/RosterEditor-$VERSION-macos-$ARCH.dmg"
IDENTITY="${MACOS_CODESIGN_IDENTITY:-}"
mkdir -p "$OUT_DIR"

can_notarize() {
  [ -n "$IDENTITY" ] && [ -n "${APPLE_API_KEY_PATH:-}" ] && [ -n "${APPLE_API_KEY_ID:-}" ] \
    && [ -n "${APPLE_API_ISSUER:-}" ]
}

notarize() {  # $1: a .zip or .dmg to submit; fails unless Apple accepts it
  xcrun notarytool submit "$1" --wait --timeout 30m \
    --key "$APPLE_API_KEY_PATH" --key-id "$APPLE_API_KEY_ID" --issuer "$APPLE_API_ISSUER" \
    --output-format plist >"$OUT_DIR/notarization.plist"
  status=$(/usr/libexec/PlistBuddy -c "Print :status" "$OUT_DIR/notarization.plist")
  if [ "$status" != "Accepted" ]; then
    cat "$OUT_DIR/notarization.plist" >&2
    echo "FAIL: notarization of $1 returned $status" >&2
    exit 1
  fi
}

echo "== checking the signature of $APP"
codesign --verify --deep --strict=symlinks --verbose=2 "$APP"
if [ -n "$IDENTITY" ]; then
  # Both must hold: signed by a Developer ID *and* with the hardened runtime (notarization
  # rejects either one alone). Checked on the app and on each executable inside it.
  for binary in "$APP" "$APP/Contents/MacOS/RosterEditor" "$APP/Contents/MacOS/rostereditor-cli"; do
    details=$(codesign -dvv "$binary" 2>&1)
    grep -q "^Authority=Developer ID Application:" <<<"$details" \
      || { echo "FAIL: $binary is not signed with a Developer ID Application certificate" >&2; exit 1; }
    grep -Eq "^CodeDirectory .*flags=0x[0-9a-f]+\(.*runtime.*\)" <<<"$details" \
      || { echo "FAIL: $binary is signed without the hardened runtime" >&2; exit 1; }
  done
else
  echo "   (ad-hoc signed: set MACOS_CODESIGN_IDENTITY at build time for a distributable app)"
fi

if can_notarize; then
  echo "== notarizing the app"
  ditto -c -k --sequesterRsrc --keepParent "$APP" "$OUT_DIR/RosterEditor-notarize.zip"
  notarize "$OUT_DIR/RosterEditor-notarize.zip"
  rm -f "$OUT_DIR/RosterEditor-notarize.zip"
  xcrun stapler staple "$APP"
  # What Gatekeeper will say on a user's Mac: accepted, source=Notarized Developer ID.
  spctl --assess --type execute --verbose=2 "$APP"
else
  echo "== notarization skipped (no Developer ID identity or App Store Connect API key)"
fi

echo "== smoke-testing $APP"
"$PYTHON" packaging/smoke_test.py "$APP" --runs 1

echo "== building $DMG"
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
# ditto keeps the symlinks inside the .app; cp -r would break them and the signature.
ditto "$APP" "$staging/RosterEditor.app"
ln -s /Applications "$staging/Applications"
rm -f "$DMG"
for attempt in 1 2 3 4 5; do  # hdiutil fails now and then with "Resource busy" on CI runners
  # ULMO (LZMA) is the smallest format macOS 10.15+ mounts; about a quarter smaller than UDZO.
  if hdiutil create -volname "RosterEditor $VERSION" -srcfolder "$staging" -fs HFS+ \
       -format ULMO -ov "$DMG"; then
    break
  fi
  [ "$attempt" = 5 ] && { echo "FAIL: hdiutil create kept failing" >&2; exit 1; }
  sleep $((attempt * 5))
done

if [ -n "$IDENTITY" ]; then
  codesign --force --timestamp --sign "$IDENTITY" "$DMG"
fi
if can_notarize; then
  echo "== notarizing the DMG"
  notarize "$DMG"
  xcrun stapler staple "$DMG"
fi

echo "== smoke-testing the app inside the DMG"
mount_point=$(mktemp -d)
hdiutil attach "$DMG" -nobrowse -readonly -mountpoint "$mount_point" >/dev/null
trap 'hdiutil detach "$mount_point" -quiet || true; rm -rf "$staging"' EXIT
"$PYTHON" packaging/smoke_test.py "$mount_point/RosterEditor.app" --runs 1
if can_notarize; then
  spctl --assess --type open --context context:primary-signature --verbose=2 "$DMG"
fi

echo "== done: $DMG ($(du -m "$DMG" | cut -f1) MB)"
