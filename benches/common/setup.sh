# Sourced by the comparison scripts in benches/: works from the repository,
# picks the Python with the comparison libraries (.venv when present),
# builds the release binary and defines the helpers they share.

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
python=python3
[ -x .venv/bin/python ] && python=.venv/bin/python
mkdir -p bench-out
cargo build --release --quiet
v=target/release/verkosto

# timed LABEL COMMAND…: runs COMMAND as a whole process and prints one
# line, LABEL with its wall time and peak memory (its output is dropped).
# The wall time is left in $wall.
timed() {
  local label=$1; shift
  local out
  out=$(/usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | grep -v '^warning\[' | tail -1)
  wall=${out%% *}
  echo "$label: $wall s wall, peak ${out##* } KiB"
}

# timed_shown LABEL COMMAND…: as timed, with COMMAND's output kept.
timed_shown() {
  local label=$1; shift
  local out
  out=$(/usr/bin/time -f "%e %M" "$@" 2>&1 | grep -v '^warning\[')
  local last=${out##*$'\n'}
  [ "$last" != "$out" ] && echo "${out%$'\n'*}"
  wall=${last%% *}
  echo "$label: $wall s wall, peak ${last##* } KiB"
}

# ratio A B: A / B to two decimals.
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

# dated SIZE: the generated dated network of SIZE (ACTORSxENGAGEMENTS),
# written on first use (benches/common/generate.rs).
dated() {
  local file=bench-out/dated-$1.json
  [ -f "$file" ] || cargo bench --quiet --bench projection -- --write "$1" "$file" >&2
  echo "$file"
}

# compact SIZE: the dated network written without indentation (the same
# JSON value, about 60 % of the size), written on first use.
compact() {
  local file=bench-out/compact-$1.json
  [ -f "$file" ] || "$python" -c 'import json, sys; json.dump(json.load(open(sys.argv[1], encoding="utf-8")), open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, separators=(",", ":"))' "$(dated "$1")" "$file"
  echo "$file"
}

# exported SIZE: the ties.csv of the dated network's projection.
exported() {
  local ties=bench-out/export-$1/ties.csv
  if [ ! -f "$ties" ]; then
    rm -rf "bench-out/export-$1"
    $v export "$(dated "$1")" --to csv -o "bench-out/export-$1" >&2 2>/dev/null
  fi
  echo "$ties"
}
