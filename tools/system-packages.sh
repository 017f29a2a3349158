#!/usr/bin/env bash
# Debian packages the project needs beyond Python and npm:
#   fonts-noto-cjk, fonts-wqy-microhei  CJK glyphs for figures and for the browser
#   chromium                            the browser the site tests drive
# Installed when missing, if this is Debian and we may (root). Elsewhere,
# say what to install: the book builds without them, but Chinese figures need
# a CJK font and the browser tests need Chromium.
set -euo pipefail
packages=(fonts-noto-cjk fonts-wqy-microhei chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null && [ "$(id -u)" -eq 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "note: please install ${missing[*]} (or your system's CJK fonts and Chromium)" >&2
fi
