#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine and passes the tests: installs missing packages, configures
# from scratch (CI preset: warnings are errors), builds everything, runs every test in parallel.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset ci --fresh
cmake --build --preset ci
ctest --preset ci --parallel "$(nproc)"
