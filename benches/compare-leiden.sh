#!/usr/bin/env bash
# Whole-process Leiden (2 iterations, modularity) in verkosto, igraph and
# NetworKit (2 threads), back to back on the same networks:
#
# 1. an LFR benchmark graph (benches/lfr.py; 100,000 nodes by default),
#    given to verkosto as a dataset of direct ties (benches/lfr_dataset.py)
#    and to the others as its edge list;
# 2. the projection of the generated dated two-mode network
#    (benches/common/generate.rs; 500000x200000 by default), given to
#    verkosto as the dataset and to the others as the ties verkosto
#    exports (`export --to csv`: ties.csv with the count weights).
#
#   bash benches/compare-leiden.sh [LFR_NODES] [SIZE]
#
# Each line is one whole process under /usr/bin/time: wall time and peak
# resident memory, then the modularity each tool reports. igraph and
# NetworKit run from .venv (.venv/bin/pip install python-igraph networkit).
set -euo pipefail
nodes=${1:-100000}
size=${2:-500000x200000}
source "$(dirname "$0")/common/setup.sh"
verkosto_modularity() {
  "$python" - "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(f"  verkosto: {d['count']} communities, modularity {d['modularity']:.4f}")
PY
}
# others TIES VERKOSTO_SECONDS: igraph and NetworKit, each with its time
# as a multiple of verkosto's.
others() {
  for tool in igraph networkit; do
    if "$python" -c "import $tool" 2>/dev/null; then
      timed_shown "$tool" "$python" benches/leiden_others.py "$tool" "$1"
      echo "  $tool / verkosto: $(ratio "$wall" "$2")×"
    else
      echo "$tool: not installed in $python"
    fi
  done
}

# compare NAME DATASET TIES: verkosto on DATASET, then the others on TIES.
compare() {
  timed "verkosto communities --iterations 2" \
    $v communities "$2" --iterations 2 -f json -o "bench-out/leiden-$1.json"
  local mine=$wall
  verkosto_modularity "bench-out/leiden-$1.json"
  others "$3" "$mine"
}

lfr=bench-out/lfr-$nodes-0.3.edges
[ -f "$lfr" ] || "$python" benches/lfr.py "$lfr" "$nodes" 0.3 30 100 20 200
[ -f "${lfr%.edges}.json" ] || "$python" benches/lfr_dataset.py "$lfr" "${lfr%.edges}.json"
echo "== LFR $nodes nodes ($(wc -l < "$lfr") ties)"
compare lfr "${lfr%.edges}.json" "$lfr"

ties=$(exported "$size")
echo "== projection of $size ($(($(wc -l < "$ties") - 1)) ties)"
compare projection "$(dated "$size")" "$ties"
