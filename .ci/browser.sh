#!/usr/bin/env bash
# Chromium for the browser tests (tests/web): Debian's package, driven by Playwright through
# executable_path=/usr/bin/chromium (no Playwright browser download). Arabic fonts make the
# reader's screenshots legible; the tests do not depend on them. Safe to run twice.
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO apt-get -y -qq install chromium
  $SUDO apt-get -y -qq install --no-install-recommends fonts-noto-core || true
fi
/usr/bin/chromium --version
