#!/usr/bin/env bash
# Projection time and peak memory: verkosto (library and CLI) and networkx
# on the same generated heavy-tailed two-mode networks.
#
#   bash benches/compare-projection.sh [SIZES]
#
# SIZES defaults to 2000x1000,50000x20000,500000x200000 (actors x
# engagements). networkx runs from .venv when present (make it with
# `python3 -m venv .venv && .venv/bin/pip install networkx`), else from
# python3, and is stopped after 10 minutes per size.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-2000x1000,50000x20000,500000x200000}
python=python3
[ -x .venv/bin/python ] && python=.venv/bin/python
mkdir -p bench-out
cargo build --release --quiet
echo "== verkosto library (benches/projection.rs): projection only, each size in its own process"
cargo bench --quiet --bench projection -- --sizes "$sizes"
for size in ${sizes//,/ }; do
  file=bench-out/generated-$size.json
  [ -f "$file" ] || cargo bench --quiet --bench projection -- --write "$size" "$file"
  echo "== $size"
  /usr/bin/time -f "verkosto summary (load, validate, project, summarise): %e s wall, peak %M KiB" \
    target/release/verkosto summary "$file" --format json >/dev/null
  if "$python" -c "import networkx" 2>/dev/null; then
    timeout 600 "$python" benches/projection_networkx.py "$file" \
      || echo "networkx: did not finish within 10 minutes (or failed: exit $?)"
  else
    echo "networkx: not installed for $python"
  fi
done
