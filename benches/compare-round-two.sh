#!/usr/bin/env bash
# Speed, round two, whole processes side by side on the same generated
# networks (benches/common/generate.rs), each line with wall time and peak
# memory, and the ratios:
#
#   1. projection: verkosto `actors --metrics degree` (load, project,
#      write a table) and `ties` (every tie with its provenance) against
#      python-igraph's bipartite_projection(multiplicity=True) and scipy's
#      B·Bᵀ, each reading the same two-mode edge list and writing CSV; on
#      L and on a network with three projects of 2,500 partners;
#   2. loader: `validate` against a typed serde parse of the same file
#      (examples/serde_floor.rs);
#   3. weighted against unweighted betweenness and closeness, with weights
#      of many values (jaccard, newman) and few (count), on M;
#   4. summary of L; report of a 7,000-actor network (built-in layout, so
#      Graphviz is not timed; REAL=FILE to use a real dataset instead);
#   5. peak memory of every command on L, and on a denser network of
#      the same size (benches/dense_network.py), against the file's size;
#   6. sampled betweenness (ε 0.01, δ 0.1) against NetworKit's KADABRA.
#
#   bash benches/compare-round-two.sh [M] [L]
#
# M defaults to 24300x10000, L to 500000x200000 (written compactly). The
# Python libraries come from .venv (pip install python-igraph scipy
# networkit).
set -euo pipefail
m=${1:-24300x10000}
l=${2:-500000x200000}
source "$(dirname "$0")/common/setup.sh"
cargo build --release --quiet --example serde_floor
floor=target/release/examples/serde_floor
size_of() { du -k "$1" | cut -f1; }

big=$(compact "$l")
echo "== L: $l, $(( $(size_of "$big") / 1024 )) MB"

echo "-- 1. projection (read, project, write the ties)"
edges=bench-out/two-mode-$l.tsv
[ -f "$edges" ] || "$python" benches/two_mode_edges.py "$big" "$edges"
timed "verkosto ties" $v ties "$big" -f csv -o bench-out/ties-verkosto.csv
ours=$wall
timed "verkosto actors --metrics degree" $v actors "$big" --metrics degree -f csv -o bench-out/degree.csv
if "$python" -c "import igraph" 2>/dev/null; then
  timed_shown "igraph bipartite_projection" "$python" benches/projection_igraph.py "$edges" bench-out/ties-igraph.csv
  echo "  igraph / verkosto: $(ratio "$wall" "$ours")×"
fi
if "$python" -c "import scipy" 2>/dev/null; then
  timed_shown "scipy B·Bᵀ" "$python" benches/projection_scipy.py "$edges" bench-out/ties-scipy.csv
  echo "  scipy / verkosto: $(ratio "$wall" "$ours")×"
fi

echo "-- 1b. projection with three projects of 2,500 partners (benches/large_engagements.py)"
large=bench-out/large-100000.json
[ -f "$large" ] || "$python" benches/large_engagements.py 100000 60000 2500 "$large"
[ -f "$large.tsv" ] || "$python" benches/two_mode_edges.py "$large" "$large.tsv"
timed "verkosto actors --metrics degree" $v actors "$large" --metrics degree -f csv -o bench-out/degree-large.csv
ours=$wall
timed "verkosto ties" $v ties "$large" -f csv -o bench-out/ties-large.csv
if "$python" -c "import igraph" 2>/dev/null; then
  timed_shown "igraph bipartite_projection" "$python" benches/projection_igraph.py "$large.tsv" bench-out/ties-large-igraph.csv
  echo "  igraph / verkosto actors: $(ratio "$wall" "$ours")×"
fi

echo "-- 2. loader"
timed "verkosto validate" $v validate "$big"
ours=$wall
timed_shown "serde typed parse (examples/serde_floor.rs)" $floor "$big"
echo "  verkosto / serde: $(ratio "$ours" "$wall")×"

echo "-- 3. weighted against unweighted paths on M ($m)"
mid=$(dated "$m")
for metric in betweenness closeness; do
  timed "$metric --unweighted" $v actors "$mid" --metrics $metric --unweighted -f csv -o bench-out/r2-$metric-hops.csv
  plain=$wall
  for weight in count newman jaccard; do
    timed "$metric --weight $weight" $v actors "$mid" --metrics $metric --weight $weight -f csv -o bench-out/r2-$metric-$weight.csv
    echo "  weighted / unweighted: $(ratio "$wall" "$plain")×"
  done
done

echo "-- 4. summary of L, report of 7,000 actors"
timed "summary of L" $v summary "$big" -f json -o bench-out/r2-summary.json
report_input=${REAL:-$(dated 7000x2800)}
rm -rf bench-out/r2-report
timed "report (--builtin) of $(basename "$report_input")" $v report "$report_input" --builtin -o bench-out/r2-report

# 5. on L and on D, a network of the same size with more ties
# (benches/dense_network.py: 241,683 actors, 2.66 million ties, 52 MB).
dense=bench-out/dense-241683x175000.json
[ -f "$dense" ] || "$python" benches/dense_network.py "$dense"
for file in "$big" "$dense"; do
  echo "-- 5. peak memory on $(basename "$file") against the file ($(size_of "$file") KiB)"
  for command in "validate" "summary -f json" "actors --metrics degree -f csv" "ties -f csv" \
    "projects -f csv" "export --to node-link" "export --to csv" "export --to graphml" \
    "export --to gexf" "export --to xlsx" "backbone -f csv" "backbone --model disparity -f csv" \
    "communities -f csv" "brokers -f csv" "evolution -f json" "render"; do
    out=bench-out/r2-out
    rm -rf "$out"
    case $command in
      validate) args=(validate) ;;
      render) args=(render -o "$out.dot") ;;
      *) args=($command -o "$out") ;;
    esac
    line=$(/usr/bin/time -f "%e %M" $v "${args[0]}" "$file" "${args[@]:1}" 2>&1 >/dev/null | tail -1)
    echo "$command: ${line%% *} s, peak ${line##* } KiB, $(ratio "${line##* }" "$(size_of "$file")")× the file"
  done
done

echo "-- 6. sampled betweenness (ε 0.01, δ 0.1) on L"
timed "verkosto --sample 0.01,0.1" $v actors "$big" --metrics betweenness --unweighted --sample 0.01,0.1 -f csv -o bench-out/r2-sampled.csv
if "$python" -c "import networkit" 2>/dev/null; then
  $v export "$big" --to csv -o bench-out/r2-export >/dev/null 2>&1 || true
  timed_shown "NetworKit KADABRA" "$python" benches/kadabra_networkit.py bench-out/r2-export/ties.csv 0.01 0.1
fi
