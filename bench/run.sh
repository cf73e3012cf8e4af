#!/usr/bin/env bash
# lantoa vs Hugo build benchmark. See bench/README.md.
#
#   bench/run.sh                  build lantoa (release) once, generate corpora, time, write
#                                 bench/results.md (and print the same table)
#   LANTOA_BIN=path bench/run.sh  use that binary instead of building
#   SEED=7 bench/run.sh           another corpus (default seed 1)
#
# Everything generated (corpora, outputs on the ordinary disk, hyperfine JSON) goes to
# bench/out/ (git-ignored). RAM-disk outputs go to /dev/shm/lantoa-bench/. Runs niced (+10).
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH")"
OUT="$BENCH/out"
SHM="/dev/shm/lantoa-bench"
SEED="${SEED:-1}"
NOW="2026-11-28"
RESULTS="$BENCH/results.md"

renice -n 10 $$ >/dev/null 2>&1 || true
log() { printf '[run.sh %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---------------------------------------------------------------- tools
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v hugo >/dev/null || need+=(hugo)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 1; }

mkdir -p "$OUT/json" "$OUT/disk"
rm -rf "$SHM"
mkdir -p "$SHM"
trap 'rm -rf "$SHM"' EXIT

# ---------------------------------------------------------------- lantoa (release, once)
if [ -n "${LANTOA_BIN:-}" ]; then
  LANTOA="$(realpath "$LANTOA_BIN")"
  log "using LANTOA_BIN=$LANTOA"
else
  log "cargo build --release (a clean build takes ~8 min on 2 cores)"
  (cd "$REPO" && cargo build --release --quiet)
  # A private copy, so a concurrent build in target/ cannot swap the binary mid-benchmark.
  cp "$REPO/target/release/lantoa" "$OUT/lantoa"
  LANTOA="$OUT/lantoa"
fi
LANTOA_REV="$(cd "$REPO" && git describe --always --dirty 2>/dev/null || echo unknown)"

# ---------------------------------------------------------------- corpora
gen() { # name sites articles [--shared]
  local name=$1 sites=$2 articles=$3; shift 3
  log "corpus $name: $articles articles, $sites site(s) $*"
  python3 "$BENCH/gen_corpus.py" --seed "$SEED" --sites "$sites" --articles "$articles" "$@" \
    --out "$OUT/corpus-$name"
}
gen 1k 1 1000
gen 10k 1 10000
gen s50 50 1000 --shared

# ---------------------------------------------------------------- measuring
# rows: generator|corpus|output|runs|median|min|max|rss_kb|key|cpu (mean user+sys)
ROWS="$OUT/rows.txt"
: >"$ROWS"

# peak RSS of one clean build, in KB (GNU time's "Maximum resident set size")
peak_rss() { # outdir cmd...
  local dir=$1; shift
  rm -rf "$dir"
  /usr/bin/time -v -o "$OUT/time.txt" "$@" >/dev/null 2>&1 || {
    echo "command failed: $*" >&2; cat "$OUT/time.txt" >&2; "$@" >&2 || true; exit 1; }
  awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time.txt"
}

bench() { # generator corpus-label output-label key outdir runs warmup cmd...
  local gen=$1 corpus=$2 where=$3 key=$4 dir=$5 runs=$6 warmup=$7; shift 7
  local cmd="$*"
  log "$gen · $corpus · $where ($runs runs)"
  # a failing build must stop the benchmark with its own message
  rm -rf "$dir"
  if ! "$@" >"$OUT/last.log" 2>&1; then
    echo "FAILED: $cmd" >&2; cat "$OUT/last.log" >&2; exit 1
  fi
  hyperfine --style basic --warmup "$warmup" --runs "$runs" -N \
    --prepare "rm -rf $dir" --export-json "$OUT/json/$key.json" "$cmd" >&2
  local rss; rss="$(peak_rss "$dir" "$@")"
  python3 - "$OUT/json/$key.json" "$gen" "$corpus" "$where" "$runs" "$rss" "$key" >>"$ROWS" <<'EOF'
import json, sys
path, gen, corpus, where, runs, rss, key = sys.argv[1:]
r = json.load(open(path))["results"][0]
print("|".join([gen, corpus, where, runs, f"{r['median']:.6f}", f"{r['min']:.6f}",
                f"{r['max']:.6f}", rss, key, f"{r['user'] + r['system']:.6f}"]))
EOF
  rm -rf "$dir"
}

lantoa_cmd() { echo "$LANTOA" build --root "$OUT/corpus-$1/lantoa" --now "$NOW" --out "$2"; }
hugo_cmd() { echo hugo --quiet --source "$OUT/corpus-$1/hugo" -d "$2"; }

START=$(date +%s)
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

for n in 1k 10k; do
  if [ $n = 1k ]; then runs=5; warm=1; label="1,000 articles, 1 site"
  else runs=3; warm=0; label="10,000 articles, 1 site"; fi
  # RAM disk
  bench lantoa "$label" "/dev/shm" "lantoa-$n-shm" "$SHM/lantoa-$n" $runs $warm \
    $(lantoa_cmd $n "$SHM/lantoa-$n")
  bench hugo "$label" "/dev/shm" "hugo-$n-shm" "$SHM/hugo-$n" $runs $warm \
    $(hugo_cmd $n "$SHM/hugo-$n")
  # ordinary disk (same file system as the repository)
  bench lantoa "$label" "disk" "lantoa-$n-disk" "$OUT/disk/lantoa-$n" $runs $warm \
    $(lantoa_cmd $n "$OUT/disk/lantoa-$n")
  bench hugo "$label" "disk" "hugo-$n-disk" "$OUT/disk/hugo-$n" $runs $warm \
    $(hugo_cmd $n "$OUT/disk/hugo-$n")
done

# 50 sites (department → office → 48 schools) republishing 1,000 shared articles: lantoa only
bench lantoa "50 sites × 1,000 shared articles" "/dev/shm" "lantoa-s50-shm" "$SHM/lantoa-s50" 3 1 \
  $(lantoa_cmd s50 "$SHM/lantoa-s50")

# ---------------------------------------------------------------- serve
# `lantoa serve` on the 10,000-article corpus: edit one article, read "rebuilt in N ms".
log "serve: rebuild after one edit, 10,000 articles"
SERVE_MS="$(python3 "$BENCH/serve_rebuild.py" "$LANTOA" "$OUT/corpus-10k/lantoa" 5)"
SERVE_NOTE="serve: one edited article of the 10,000-article site rebuilt in ${SERVE_MS} ms (median of 5 edits, bench/serve_rebuild.py)"
echo "$SERVE_NOTE" >&2

ELAPSED=$(( $(date +%s) - START ))
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- report
CPU="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
FAM="$(awk -F': ' '/^cpu family/ {f=$2} /^model\t/ {m=$2} END {print "family " f ", model " m}' /proc/cpuinfo)"
python3 - "$ROWS" >"$RESULTS" <<EOF
import sys
rows = [l.rstrip("\n").split("|") for l in open(sys.argv[1]) if l.strip()]
med = {r[8]: float(r[4]) for r in rows}
def t(s):
    s = float(s)
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"
def mb(kb):
    return f"{int(kb) / 1024:,.0f} MB"
print("# lantoa build benchmark")
print()
print("Generated by \`bench/run.sh\` (see bench/README.md); do not edit by hand.")
print()
print("| | |")
print("|---|---|")
print("| date | $(date -u '+%Y-%m-%d %H:%M UTC') |")
print("| machine | $(nproc) cores (nproc), $CPU ($FAM), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, Linux $(uname -r) |")
print("| load average (1, 5, 15 min) | $LOAD_BEFORE before the runs, $LOAD_AFTER after (the machine is shared: 2.0 means both cores busy) |")
print("| lantoa | $LANTOA_REV (release build), \`lantoa build --now $NOW --out DIR\` |")
print("| Hugo | $(hugo version | cut -d' ' -f1-3), \`hugo --quiet -d DIR\` |")
print("| hyperfine | $(hyperfine --version | cut -d' ' -f2), clean output folder before every run (\`--prepare 'rm -rf DIR'\`) |")
print("| corpus | \`bench/gen_corpus.py --seed $SEED\`: ~900 words per article, 2–4 of 40 tags, 5% with code |")
print("| time for all measurements | ${ELAPSED} s |")
print()
print("| generator | corpus | output | runs | median time | min – max | CPU (user+sys) | peak RSS | ratio (÷ lantoa) |")
print("|---|---|---|---:|---:|---:|---:|---:|---:|")
for g, corpus, where, runs, m, lo, hi, rss, key, cpu in rows:
    other = key.replace(g + "-", "lantoa-", 1)
    ratio = f"{float(m) / med[other]:.2f}×" if other in med else "–"
    print(f"| {g} | {corpus} | {where} | {runs} | {t(m)} | {t(lo)} – {t(hi)} | {t(cpu)} | {mb(rss)} | {ratio} |")
print()
print("Ratio: the row's median time divided by lantoa's on the same corpus and output "
      "(Hugo 5.00× = lantoa is five times faster). Peak RSS: \`/usr/bin/time -v\`, "
      "\"Maximum resident set size\", of one extra clean build. CPU: mean user + system time "
      "of the timed runs (less sensitive than wall time to a busy machine; above the median "
      "time when the work runs on both cores).")
print()
print("$SERVE_NOTE.")
EOF
cat "$RESULTS"
log "done in ${ELAPSED} s → $RESULTS"
