#!/usr/bin/env bash
# Speed at scale, whole processes: the loader (validate, on the indented
# file and on the same written compactly), summary, a cheap
# table (actors --metrics degree), and sampled betweenness against exact
# betweenness and NetworKit's ApproxBetweenness, on the generated dated
# two-mode networks of benches/common/generate.rs.
#
#   bash benches/compare-scale.sh [SIZES]
#
# SIZES defaults to 50000x20000,500000x200000. NetworKit runs from .venv
# (.venv/bin/pip install networkit) with 2 threads; exact betweenness runs
# and NetworKit's ApproxBetweenness on the smaller sizes only (up to
# 50000x20000).
set -euo pipefail
sizes=${1:-50000x20000,500000x200000}
source "$(dirname "$0")/common/setup.sh"
for size in ${sizes//,/ }; do
  file=$(dated "$size")
  echo "== $size ($(du -m "$file" | cut -f1) MB)"
  timed "validate (load and check)" $v validate "$file"
  small=$(compact "$size")
  timed "validate, the same written compactly ($(du -m "$small" | cut -f1) MB)" $v validate "$small"
  timed "summary" $v summary "$file" -f json -o "bench-out/summary-$size.json"
  "$python" - "bench-out/summary-$size.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print(f"  {s['actors']} actors, {s['ties']} ties; diameter {s['diameter']}; "
      f"average path length {s['average_path_length']:.4f} ± {s['average_path_length_error'] or 0:.4f} "
      f"({s['average_path_length_sources'] or 'all'} sources); modularity {s['modularity']:.4f} "
      f"({s['community_iterations'] or 'until stable'} iterations)")
PY
  timed "actors --metrics degree" $v actors "$file" --metrics degree -f csv -o bench-out/degree.csv
  timed "actors --metrics betweenness --unweighted --sample 0.01" \
    $v actors "$file" --metrics betweenness --unweighted --sample 0.01,0.1 -f csv -o "bench-out/sampled-$size.csv"
  ties=$(exported "$size")
  actors=${size%%x*}
  if [ "$actors" -le 50000 ]; then
    timed "actors --metrics betweenness --unweighted (exact)" \
      $v actors "$file" --metrics betweenness --unweighted -f csv -o "bench-out/exact-$size.csv"
    if "$python" -c "import networkit" 2>/dev/null; then
      "$python" benches/scale_networkit.py "$ties" 0.01 0.1 \
        "bench-out/exact-$size.csv" "bench-out/sampled-$size.csv"
    fi
  else
    # On 500000x200000 NetworKit's ApproxBetweenness did not finish within
    # 15 minutes (2026-11-25); run benches/scale_networkit.py by hand.
    echo "NetworKit ApproxBetweenness: skipped above 50,000 actors"
  fi
done
