#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine and runs ovbench's main job on the embedded demo data:
# `ovbench demo` generates a synthetic benchmark and a TorchScript model, runs the demo suite
# through the real adapters, evaluators and SQLite store, and prints where everything is.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release
cmake --build --preset release --target ovbench ovbench_torch
mkdir -p build/demo
./build/release/ovbench demo --out build/demo
./build/release/ovbench runs --db build/demo/ovbench-demo/ovbench.db
