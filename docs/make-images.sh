#!/usr/bin/env bash
# Regenerates the images of the README from the bundled seed network.
# Needs Graphviz for the layout (without it the built-in layout is used).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
v=target/release/verkosto
$v render graphs/finland-regional.json -o docs/finland-regional-map.svg
$v render graphs/finland-regional.json --ego Centria --radius 2 --role-ties all=clique \
  --title "Centria's network, two steps out" -o docs/centria-ego-map.svg
echo "wrote docs/finland-regional-map.svg docs/centria-ego-map.svg"
