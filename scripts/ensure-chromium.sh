#!/usr/bin/env bash
# Make sure a browser (for the PDFs and the browser tests), Java (for the HTML validator) and
# poppler (for the PDF tests) are there, install from Debian what is missing, and print the
# browser's path: the Makefile hands it to the build and the tests as IMVO_CHROMIUM, so that
# they use the browser this script found. Never `playwright install`: it downloads a browser
# of its own.
#
# The browser is the one IMVO_CHROMIUM names (the project's setting, which imvo/outputs/pdf.py and
# the tests read), or else the first of chromium, chromium-browser and google-chrome on the
# PATH (GitHub's Ubuntu runners have Chromium and Google Chrome; Debian's package installs
# chromium). A browser that is already there is used as it is: nothing is installed and no
# root is needed. What is missing is installed as root, with sudo where that works without a
# password (as on GitHub's runners), or else the script says what to install.
#
# With --browser-only it sees to the browser alone (the workflows that only build the site).
set -euo pipefail
browser_only=false
if [ "${1:-}" = "--browser-only" ]; then
  browser_only=true
elif [ $# -gt 0 ]; then
  echo "usage: bash scripts/ensure-chromium.sh [--browser-only]" >&2
  exit 2
fi

need=()
browser=""
if [ -n "${IMVO_CHROMIUM:-}" ]; then
  if [ ! -f "$IMVO_CHROMIUM" ] || [ ! -x "$IMVO_CHROMIUM" ]; then
    echo "IMVO_CHROMIUM is $IMVO_CHROMIUM, which is not a browser that can be run:" \
      "set it to the path of Chromium or Chrome, or unset it to use the first of" \
      "chromium, chromium-browser and google-chrome on the PATH" >&2
    exit 1
  fi
  browser="$IMVO_CHROMIUM"
else
  for name in chromium chromium-browser google-chrome; do
    if found="$(command -v "$name")"; then
      browser="$found"
      break
    fi
  done
  [ -n "$browser" ] || need+=(chromium)
fi
if [ "$browser_only" = false ]; then
  command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
  command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
fi

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "Missing ${need[*]}: install them with: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  # Everything the installation says goes to stderr: stdout carries only the browser's path.
  echo "Installing ${need[*]} from Debian ..." >&2
  "${as_root[@]}" apt-get update -qq >&2
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" \
    >/dev/null
  [ -n "$browser" ] || browser=/usr/bin/chromium
fi
echo "$browser"
