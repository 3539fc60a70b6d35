#!/usr/bin/env bash
# Installs the Debian 12 packages ovbench builds against, only those missing (safe to re-run).
set -euo pipefail

packages=(
  g++ cmake ninja-build git pkg-config ccache
  libtorch-dev
  libsimdjson-dev nlohmann-json3-dev
  libboost-program-options-dev
  libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev libpng-dev zlib1g-dev
  libsqlite3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  chromium                              # headless, for the HTML report's browser test
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
