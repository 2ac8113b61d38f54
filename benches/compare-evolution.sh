#!/usr/bin/env bash
# `verkosto evolution --by year` against its networkx equivalent on the same
# generated, dated two-mode networks (benches/common/generate.rs: starts over
# 2014–2023, 30 days to 3 years long, one in ten open-ended).
#
#   bash benches/compare-evolution.sh [SIZES]
#
# SIZES defaults to 50000x20000,500000x200000 (actors x engagements).
# Whole processes, back to back, wall time and peak memory; networkx runs
# from .venv when present and is stopped after 15 minutes per size.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-50000x20000,500000x200000}
python=python3
[ -x .venv/bin/python ] && python=.venv/bin/python
mkdir -p bench-out
cargo build --release --quiet
for size in ${sizes//,/ }; do
  file=bench-out/dated-$size.json
  [ -f "$file" ] || cargo bench --quiet --bench projection -- --write "$size" "$file"
  echo "== $size"
  /usr/bin/time -f "verkosto evolution --by year: %e s wall, peak %M KiB" \
    target/release/verkosto evolution "$file" --by year --format csv >/dev/null
  /usr/bin/time -f "networkx equivalent: %e s wall, peak %M KiB" \
    timeout 900 "$python" benches/evolution_networkx.py "$file" >/dev/null \
    || echo "networkx: did not finish within 15 minutes (or failed: exit $?)"
done
