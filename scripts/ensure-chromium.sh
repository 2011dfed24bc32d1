#!/usr/bin/env bash
# Make sure a browser (for the PDFs and the browser tests), Java (for the HTML validator) and
# poppler (for the PDF tests) are there, and install from Debian what is missing. Never
# `playwright install`: it downloads a browser of its own.
#
# The browser is the one IMVO_CHROMIUM names (the project's setting, which imvo/pdf.py and
# the tests read), or else Debian's /usr/bin/chromium. A browser that is already there is
# used as it is: nothing is installed and no root is needed. What is missing is installed
# as root, with sudo where that works without a password (as on GitHub's runners), or else
# the script says what to install.
set -euo pipefail
browser="${IMVO_CHROMIUM:-/usr/bin/chromium}"
need=()
if [ ! -x "$browser" ]; then
  if [ -n "${IMVO_CHROMIUM:-}" ]; then
    echo "IMVO_CHROMIUM is $IMVO_CHROMIUM, which is not a browser that can be run:" \
      "set it to the path of Chromium or Chrome, or unset it to use /usr/bin/chromium" >&2
    exit 1
  fi
  need+=(chromium)
fi
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "Missing ${need[*]}: install them with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "Installing ${need[*]} from Debian ..." >&2
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
