#!/usr/bin/env bash
# The HTML pages in a real browser: installs headless Chromium and CJK fonts when they
# are missing (Debian packages `chromium` and `fonts-noto-cjk`, via apt-get), then runs
# tests/view_browser.rs with NIANBAO_BROWSER_TESTS=1 (a missing browser fails it).
#
#   scripts/browser-test.sh                 install if needed, then test
#   scripts/browser-test.sh --install-only  install if needed
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# fc-list comes with fontconfig, which chromium brings.
if ! { command -v fc-list >/dev/null 2>&1 && [[ -n $(fc-list :lang=zh) ]]; }; then
  missing+=(fonts-noto-cjk)
fi
if ((${#missing[@]})); then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "$0: ${missing[*]} missing and no apt-get to install them" >&2
    exit 1
  fi
  echo "$0: installing ${missing[*]}" >&2
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq >/dev/null
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v chromium >/dev/null || { echo "$0: chromium is required" >&2; exit 1; }

if [[ ${1:-} == --install-only ]]; then
  exit 0
fi
NIANBAO_BROWSER_TESTS=1 cargo test --test view_browser -- --nocapture
