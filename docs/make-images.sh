#!/usr/bin/env bash
# Regenerates the images of the README and the manual: the bundled seed
# network's map, ego map, map of regions, map of Finland and report, and the map of a
# generated 7,000-organisation network.
# Needs Graphviz for the layout (without it the built-in layout is used).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
v=target/release/verkosto
$v render graphs/finland-regional.json -o docs/src/images/finland-regional-map.svg
$v render graphs/finland-regional.json --ego Centria --radius 2 --role-ties all=clique \
  --title "Centria's network, two steps out" -o docs/src/images/centria-ego-map.svg
$v render graphs/finland-regional.json --aggregate region -o docs/src/images/finland-regional-regions.svg
$v render graphs/finland-regional.json --layout geo --size a4 -o docs/src/images/finland-regional-geo.svg 2>/dev/null
# A large network: the generated 7,000 × 2,800 two-mode network of the
# benchmarks (benches/common/generate.rs), its default map.
big=$(mktemp -d)/generated-7000.json
cargo bench --quiet --bench projection -- --write 7000x2800 "$big" >/dev/null
$v render "$big" --title "A generated network of 7,000 organisations" \
  -o docs/src/images/generated-7000-map.svg 2>/dev/null
rm -f "$big"
echo "wrote docs/src/images/finland-regional-map.svg docs/src/images/centria-ego-map.svg"
echo "wrote docs/src/images/finland-regional-regions.svg docs/src/images/generated-7000-map.svg"
echo "wrote docs/src/images/finland-regional-geo.svg"
# The report's first screen, in Finnish, screenshotted in headless Chromium.
out=$(mktemp -d)
$v report graphs/finland-regional.json --lang fi -o "$out" 2>/dev/null
profile=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" \
  --screenshot=docs/src/images/report-first-screen.png --window-size=1200,900 "file://$out/report.html" 2>/dev/null
rm -rf "$out" "$profile"
echo "wrote docs/src/images/report-first-screen.png"
