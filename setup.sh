#!/usr/bin/env bash
# Set up this machine for Nærvær: Debian packages (as root, or with sudo), a virtualenv with
# the pinned Python packages (requirements.txt) and the naervaer package itself, and the
# checkers the tests use. Safe to run again: installs only what is missing.
#
#   ./setup.sh              everything: to build, preview and test (make serve, make test)
#   ./setup.sh --site-only  only what building an edition needs (no browser, no checkers):
#                           what a municipality's publishing job runs (examples/publish/)
set -euo pipefail
cd "$(dirname "$0")"

SITE_ONLY=0
for arg in "$@"; do
  case "$arg" in
    --site-only) SITE_ONLY=1 ;;
    *) echo "setup.sh: unknown option $arg (known: --site-only)" >&2; exit 2 ;;
  esac
done

# What building an edition needs: WeasyPrint's libraries, poppler (form previews), qpdf,
# the fonts of the PDFs and of the browser fill (Liberation, DejaVu), Noto for the parent
# material in other languages and for names in other scripts typed into forms, and
# Hunspell's Norwegian dictionaries (the language check of local texts)
APT_PACKAGES=(python3-venv libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
  poppler-utils qpdf fonts-liberation2 fonts-dejavu-core fonts-noto-core hunspell hunspell-no)
# What the tests need besides: Debian's Chromium for the browser tests
TEST_PACKAGES=(chromium)

# Install the named Debian packages (as root, or with sudo), or say which to install and stop.
apt_install() {
  [ $# -gt 0 ] || return 0
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo"
    else
      echo "Missing Debian packages: $*" >&2
      echo "Run as root, or: sudo apt-get install $*" >&2
      exit 1
    fi
  fi
  echo "Installing Debian packages: $*"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

wanted=("${APT_PACKAGES[@]}")
[ "$SITE_ONLY" = 1 ] || wanted+=("${TEST_PACKAGES[@]}")
missing=()
for pkg in "${wanted[@]}"; do
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
echo "Ready: .venv with the pinned packages (the command: .venv/bin/naervaer)."
[ "$SITE_ONLY" = 0 ] || exit 0

# --- Checkers for the tests: Java for the W3C Nu HTML Checker (vnu.jar) and Node for
# Lighthouse; both pinned in tools/package-lock.json, installed with `npm ci`.
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
