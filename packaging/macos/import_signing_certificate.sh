#!/usr/bin/env bash
# CI only: put the Developer ID certificate into a temporary keychain so codesign can use it,
# and write the App Store Connect API key for notarytool. Does nothing (exit 0) when the
# secrets are absent, so forks and pull requests still build an ad-hoc-signed app.
#
# Reads:  MACOS_CERTIFICATE_P12_BASE64, MACOS_CERTIFICATE_PASSWORD, APPLE_API_KEY_P8_BASE64
# Writes (to $GITHUB_ENV when set): MACOS_CODESIGN_IDENTITY, APPLE_API_KEY_PATH
set -euo pipefail

if [ -z "${MACOS_CERTIFICATE_P12_BASE64:-}" ] || [ -z "${MACOS_CERTIFICATE_PASSWORD:-}" ]; then
  echo "No signing certificate configured: the app will be ad-hoc signed and not notarized."
  exit 0
fi

work="${RUNNER_TEMP:-$(mktemp -d)}"
keychain="$work/rostereditor-signing.keychain-db"
keychain_password=$(openssl rand -base64 24)
echo "$MACOS_CERTIFICATE_P12_BASE64" | base64 --decode >"$work/certificate.p12"

security create-keychain -p "$keychain_password" "$keychain"
security set-keychain-settings -lut 21600 "$keychain"
security unlock-keychain -p "$keychain_password" "$keychain"
security import "$work/certificate.p12" -k "$keychain" -P "$MACOS_CERTIFICATE_PASSWORD" \
  -T /usr/bin/codesign -T /usr/bin/security
security set-key-partition-list -S apple-tool:,apple:,codesign: -s -k "$keychain_password" "$keychain"
# Put the new keychain first in the search list so codesign finds the identity by name.
# shellcheck disable=SC2046 # one argument per existing keychain is the point
security list-keychains -d user -s "$keychain" $(security list-keychains -d user | tr -d '"')
rm -f "$work/certificate.p12"

identity=$(security find-identity -v -p codesigning "$keychain" \
  | sed -n 's/.*"\(Developer ID Application: .*\)"/\1/p' | head -n 1)
if [ -z "$identity" ]; then
  echo "FAIL: the certificate holds no 'Developer ID Application' identity" >&2
  exit 1
fi
echo "Signing identity: $identity"

api_key_path=""
if [ -n "${APPLE_API_KEY_P8_BASE64:-}" ]; then
  api_key_path="$work/AuthKey.p8"
  echo "$APPLE_API_KEY_P8_BASE64" | base64 --decode >"$api_key_path"
fi

if [ -n "${GITHUB_ENV:-}" ]; then
  echo "MACOS_CODESIGN_IDENTITY=$identity" >>"$GITHUB_ENV"
  [ -n "$api_key_path" ] && echo "APPLE_API_KEY_PATH=$api_key_path" >>"$GITHUB_ENV"
fi
exit 0
