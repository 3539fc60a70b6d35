#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine and runs ovbench's main job on the embedded demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release
cmake --build --preset release --target ovbench
./build/release/ovbench eval --help
