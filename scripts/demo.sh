#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine and runs ovbench's main job on the embedded demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release
cmake --build --preset release --target ovbench
# Until `ovbench demo` exists: score the bundled example (20 images, 4 categories, crowd gt,
# tied scores, area-boundary gt) with pycocotools' semantics, with bootstrap intervals, and
# keep the result in a results store.
mkdir -p build/demo
./build/release/ovbench eval coco --gt datasets/examples/coco_small_gt.json \
  --pred datasets/examples/coco_small_results.json --per-category --bootstrap 200 \
  --db build/demo/ovbench.db --tag example
./build/release/ovbench runs --db build/demo/ovbench.db
