#!/usr/bin/env bash
# Weighted against unweighted path metrics, whole processes: exact
# betweenness and closeness by verkosto (`actors --metrics …`, with and
# without --unweighted), then NetworKit's (2 threads) on the same ties, on
# the projection of the generated dated network (default 50000x20000).
#
#   bash benches/compare-paths.sh [SIZE]
#
# Prints each run's wall time and the weighted/unweighted ratios.
set -euo pipefail
size=${1:-50000x20000}
source "$(dirname "$0")/common/setup.sh"
file=$(dated "$size")
wall() {
  /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | grep -v '^warning\[' | tail -1
}
echo "== $size"
for metric in betweenness closeness harmonic; do
  plain=$(wall $v actors "$file" --metrics $metric --unweighted -f csv -o bench-out/paths-$metric-unweighted.csv)
  weighted=$(wall $v actors "$file" --metrics $metric -f csv -o bench-out/paths-$metric-weighted.csv)
  ratio=$(awk -v a="$weighted" -v b="$plain" 'BEGIN { printf "%.2f", a / b }')
  echo "verkosto $metric: unweighted $plain s, weighted $weighted s, weighted/unweighted ${ratio}×"
done
if "$python" -c "import networkit" 2>/dev/null; then
  "$python" benches/paths_networkit.py "$(exported "$size")"
fi
