#!/usr/bin/env bash
# Weighted against unweighted path metrics, whole processes: exact
# betweenness and closeness by verkosto (`actors --metrics …`, with and
# without --unweighted), then NetworKit's (2 threads) on the same ties, on
# the projection of the generated dated network (default 50000x20000).
#
#   bash benches/compare-paths.sh [SIZE]
#
# Prints each run's wall time and the weighted/unweighted ratios;
# NetworKit's times are its algorithm alone (after reading the ties),
# each with its ratio to verkosto's whole process.
set -euo pipefail
size=${1:-50000x20000}
source "$(dirname "$0")/common/setup.sh"
file=$(dated "$size")
echo "== $size"
seconds=()
for metric in betweenness closeness; do
  timed "verkosto $metric --unweighted" \
    $v actors "$file" --metrics $metric --unweighted -f csv -o bench-out/paths-$metric-unweighted.csv
  plain=$wall
  timed "verkosto $metric (weighted)" \
    $v actors "$file" --metrics $metric -f csv -o bench-out/paths-$metric-weighted.csv
  echo "  weighted / unweighted: $(ratio "$wall" "$plain")×"
  seconds+=("$metric=$plain" "$metric-weighted=$wall")
done
if "$python" -c "import networkit" 2>/dev/null; then
  "$python" benches/paths_networkit.py "$(exported "$size")" "${seconds[@]}"
fi
