#!/usr/bin/env bash
# Significance backbones, whole processes: `verkosto backbone` (sdsm,
# hypergeometric, disparity; the full table of every tie, and only the
# kept ties) on the generated dated two-mode networks of
# benches/common/generate.rs, and the `bicm` package's sdsm p-values of
# the same matrix (benches/backbone_bicm.py) where it finishes, with the
# ratio and the largest relative difference of the p-values.
#
#   bash benches/compare-backbone.sh [SIZES] [BICM_SIZES]
#
# SIZES defaults to 2000x1000,50000x20000,500000x200000 and BICM_SIZES to
# 2000x1000,50000x20000 (bicm from .venv: .venv/bin/pip install bicm).
set -euo pipefail
sizes=${1:-2000x1000,50000x20000,500000x200000}
bicm_sizes=${2:-2000x1000,50000x20000}
source "$(dirname "$0")/common/setup.sh"
for size in ${sizes//,/ }; do
  file=$(dated "$size")
  echo "== $size ($(du -m "$file" | cut -f1) MB)"
  timed "verkosto ties --top 1 (load and project, for scale)" $v ties "$file" --top 1 -f csv
  for model in sdsm hypergeometric disparity; do
    timed "verkosto backbone --model $model (every tie, CSV)" \
      $v backbone "$file" --model "$model" -f csv -o "bench-out/backbone-$model-$size.csv"
  done
  verkosto=$wall
  timed "verkosto backbone --model sdsm --kept (kept ties only)" \
    $v backbone "$file" --kept -f csv -o "bench-out/backbone-kept-$size.csv"
  sdsm_file="bench-out/backbone-sdsm-$size.csv"
  timed "verkosto backbone --model sdsm (every tie, CSV)" $v backbone "$file" -f csv -o "$sdsm_file"
  verkosto=$wall
  if [[ ",$bicm_sizes," == *",$size,"* ]] && "$python" -c "import bicm" 2>/dev/null; then
    timed "bicm (solve_tool newton + compute_projection poibin, 2 threads)" \
      "$python" benches/backbone_bicm.py "$file" "bench-out/backbone-bicm-$size.csv"
    echo "ratio bicm / verkosto: $(ratio "$wall" "$verkosto")"
    "$python" - "$sdsm_file" "bench-out/backbone-bicm-$size.csv" <<'PY'
import csv, sys
ours = {(r["source"], r["target"]): float(r["p_value"]) for r in csv.DictReader(open(sys.argv[1])) if r["p_value"]}
theirs = {(r["source"], r["target"]): float(r["p_value"]) for r in csv.DictReader(open(sys.argv[2]))}
worst = max((abs(ours[k] - p) / ours[k] for k, p in theirs.items() if ours[k] >= 1e-8), default=0.0)
print(f"  same pairs: {set(ours) == set(theirs)} ({len(ours)}); largest relative difference of p >= 1e-8: {worst:.1e}")
PY
  fi
done
