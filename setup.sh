#!/usr/bin/env bash
# Set up this machine for Nærvær: Debian packages (when root), a virtualenv with the pinned
# Python packages (requirements.txt) and the naervaer package itself. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES=(python3-venv libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
  poppler-utils qpdf fonts-liberation2 chromium
  fonts-dejavu-core  # fallback field font (naervaer/pdf/fonts.py)
  hunspell hunspell-no)  # language gate (issue 9): tests/test_language.py
# Parent material in other languages (issue 13): Noto Sans, Noto Sans Arabic, Noto Sans Ethiopic;
# forms filled in the browser with names in Arabic script, Ethiopic, Thai, Tamil (issue 20)
APT_PACKAGES+=(fonts-noto-core)

# Install the named Debian packages (as root), or say which to install and stop.
apt_install() {
  [ $# -gt 0 ] || return 0
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian packages: $*"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "Missing Debian packages: $*" >&2
    echo "Run as root, or: sudo apt-get install $*" >&2
    exit 1
  fi
}

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
apt_install "${missing[@]}"

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.requirements.sha
want=$(sha256sum requirements.txt pyproject.toml | sha256sum | cut -c1-16)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/pip install -q --upgrade pip >/dev/null
  .venv/bin/pip install -q -r requirements.txt
  .venv/bin/pip install -q --no-deps -e .
  echo "$want" > "$stamp"
fi
echo "Ready: .venv with the pinned packages."

# --- Checkers for the tests (issue 12): Java for the W3C Nu HTML Checker (vnu.jar) and
# Node for Lighthouse; both pinned in tools/package-lock.json, installed with `npm ci`.
checkers=()
command -v java >/dev/null 2>&1 || checkers+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || checkers+=(nodejs npm)
apt_install "${checkers[@]}"
npm_stamp=tools/node_modules/.naervaer-lock.sha
npm_want=$(sha256sum tools/package.json tools/package-lock.json | sha256sum | cut -c1-16)
if [ "$(cat "$npm_stamp" 2>/dev/null)" != "$npm_want" ]; then
  (cd tools && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$npm_want" > "$npm_stamp"
fi
echo "Ready: checkers in tools/ (vnu.jar, Lighthouse)."
