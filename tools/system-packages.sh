#!/usr/bin/env bash
# What the project needs beyond Python's packages, installed when missing if
# this is Debian and we may (root); elsewhere, said clearly, with how to get it:
#   nodejs, npm                         MathJax and reveal.js (package.json): required
#   chromium                            the PDF handouts and the browser tests
#   fonts-noto-cjk, fonts-wqy-microhei  Chinese text in the browser and the PDFs
#                                       (figures do without: requirements.txt brings
#                                       a CJK font from PyPI)
# Exits non-zero only when the set-up cannot go on (no npm).
set -euo pipefail
missing=()
command -v npm >/dev/null || missing+=(nodejs npm)
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
for p in fonts-noto-cjk fonts-wqy-microhei; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null && [ "$(id -u)" -eq 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
say() { echo "setup: $*" >&2; }
say "missing: ${missing[*]} (not installed: this is not Debian, or not root)."
case " ${missing[*]} " in *" npm "*)
  say "- Node.js and npm are required (MathJax, reveal.js): 'sudo apt-get install nodejs npm',"
  say "  or without root a Node.js release from nodejs.org unpacked in your home, on your PATH."
  exit 1 ;;
esac
case " ${missing[*]} " in *" chromium "*)
  say "- Chromium prints the PDF handouts and runs the browser tests: 'sudo apt-get install"
  say "  chromium', or without root set CHROMIUM=/path/to/chromium-or-chrome (for example"
  say "  one from '.venv/bin/python -m playwright install chromium'). make book stops without it." ;;
esac
case " ${missing[*]} " in *" fonts-"*)
  say "- CJK fonts for Chinese text in the browser and the PDFs: 'sudo apt-get install"
  say "  fonts-noto-cjk', or without root copy the one pip installed for the figures:"
  say "  mkdir -p ~/.local/share/fonts && cp .venv/lib/python3*/site-packages/noto_cjk_sans_otc/*.ttc ~/.local/share/fonts/" ;;
esac
exit 0
