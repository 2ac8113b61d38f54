#!/usr/bin/env bash
# Metric speed: verkosto against python-igraph on the same graphs.
#
#   bash benches/compare-metrics.sh
#
# 1. The one-mode projection of a generated 50,000-actor / 20,000-engagement
#    two-mode network (benches/common/generate.rs): betweenness, closeness
#    and harmonic centrality, weighted (distance 1/weight) and unweighted.
# 2. LFR graphs (benches/lfr.py, networkx's generator): Leiden and Louvain,
#    modularity and NMI against the planted communities; 2,000 nodes at
#    mixing 0.1, 0.3 and 0.5, and 100,000 nodes at 0.3.
#
# igraph and networkx run from .venv (python3 -m venv .venv &&
# .venv/bin/pip install networkx igraph numpy scipy). igraph is single-
# threaded; verkosto uses every core (2 here).
set -euo pipefail
cd "$(dirname "$0")/.."
python=.venv/bin/python
mkdir -p bench-out
cargo build --release --quiet
projection=bench-out/projection-50000x20000.edges
echo "== projection of 50,000 actors / 20,000 engagements"
cargo bench --quiet --bench metrics -- --write-edges "$projection" --only betweenness_unweighted,betweenness_weighted,closeness_unweighted,closeness_weighted,harmonic_unweighted,harmonic_weighted
"$python" benches/compare_metrics.py "$projection" --only betweenness_unweighted,betweenness_weighted,closeness_unweighted,closeness_weighted,harmonic_unweighted,harmonic_weighted
for spec in 2000:0.1 2000:0.3 2000:0.5 100000:0.3; do
  n=${spec%%:*}; mu=${spec##*:}
  graph=bench-out/lfr-$n-$mu.edges
  if [ ! -f "$graph" ]; then
    if [ "$n" = 100000 ]; then
      "$python" benches/lfr.py "$graph" "$n" "$mu" 24 100 20 200
    else
      "$python" benches/lfr.py "$graph" "$n" "$mu"
    fi
  fi
  echo "== LFR $n nodes, mixing $mu"
  cargo bench --quiet --bench metrics -- --graph "$graph" --only leiden,louvain
  "$python" benches/compare_metrics.py "$graph" --only leiden,louvain
done
