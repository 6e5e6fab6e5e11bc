#!/usr/bin/env bash
# Everything the tests need on a fresh clone: Chromium and its driver from the Debian packages
# (the report test drives a real headless browser; nothing is downloaded by the test itself), and
# the venv with the test extra. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    echo "tests/setup.sh: installing chromium and chromium-driver (apt)" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
        chromium chromium-driver >/dev/null
fi
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/pip install -q -e '.[test]'
