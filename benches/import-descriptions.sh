#!/usr/bin/env bash
# How `verkosto import descriptions` grows with the text: one sentence
# naming N firms ("Hankkeeseen osallistuvat Yritys0 Oy, Yritys1 Oy, …
# yhdessä."), N = 5,000 to 40,000, whole processes. Linear time shows as a
# constant time per firm.
#
#   bash benches/import-descriptions.sh [COUNTS]
#
# COUNTS defaults to 5000,10000,20000,40000.
set -euo pipefail
cd "$(dirname "$0")/.."
counts=${1:-5000,10000,20000,40000}
mkdir -p bench-out
cargo build --release --quiet
for n in ${counts//,/ }; do
  file=bench-out/sentence-$n.txt
  python3 - "$n" "$file" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
names = ", ".join(f"Yritys{i} Oy" for i in range(n))
open(path, "w").write(
    "Hankkeen nimi: Testi\nHankekoodi: S12345\nHankkeen kuvaus\n"
    f"Hankkeeseen osallistuvat {names} yhdessä.\n"
)
PY
  start=$(date +%s.%N)
  target/release/verkosto import descriptions "$file" -o bench-out/sentence-$n.json
  end=$(date +%s.%N)
  python3 -c "n=$n; t=$end-$start; print(f'{n} firms: {t:.2f} s, {t/n*1e6:.1f} µs a firm')"
done
