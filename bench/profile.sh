#!/usr/bin/env bash
# Where the time of one clean build goes (bench/README.md, "Where the time goes").
#
#   bench/profile.sh [LANTOA_BIN] [CORPUS]    defaults: bench/out/lantoa, bench/out/corpus-large
#
# Records one build with `perf record --call-graph dwarf` (the release binary keeps its symbols;
# no debug info needed) and prints, by inclusive time (share of all samples of all threads),
# lantoa's stages and the libraries' hot spots, then the top functions by self time, and the
# LANTOA_TIMINGS=1 phase times of a second build. Needs `perf` (Debian: linux-perf).
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BIN="${1:-$BENCH/out/lantoa}"
CORPUS="${2:-$BENCH/out/corpus-large}"
OUTDIR="/dev/shm/lantoa-profile"
DATA="$BENCH/out/perf.data"
rm -rf "$OUTDIR"
perf record -q -F 499 --call-graph dwarf,16384 -o "$DATA" -- \
  "$BIN" build --root "$CORPUS/lantoa" --now 2026-11-28 --out "$OUTDIR" >/dev/null 2>&1
echo "inclusive (children) share of samples, lantoa's functions and libraries' entry points:"
perf report -i "$DATA" --children --sort symbol --stdio -g none 2>/dev/null \
  | grep -E '\] (lantoa::|syntect::html|syntect::parsing::SyntaxSet|tera::.*render|pulldown_cmark::html|serde_saphyr|unicode_normalization|std::fs::write|std::fs::read)' \
  | grep -vE 'closure|call_mut|cli::|lantoa::build$|generate_loaded|_::<impl' \
  | sed -E 's/^ +([0-9.]+%) +[0-9.]+% +\[.\] (.*[^ ]) +- +- *$/  \1  \2/' | head -32 || true
echo
echo "self time, top 15:"
perf report -i "$DATA" --no-children --sort symbol --stdio -g none 2>/dev/null \
  | grep -E '^ +[0-9]' | sed -E 's/^ +([0-9.]+%) +\[.\] (.*[^ ]) +- +- *$/  \1  \2/' | head -15 || true
echo
rm -rf "$OUTDIR"
echo "phases (LANTOA_TIMINGS=1):"
LANTOA_TIMINGS=1 "$BIN" build --root "$CORPUS/lantoa" --now 2026-11-28 --out "$OUTDIR" 2>&1 \
  | grep -E '^lantoa: (load|prepare|render|written)' | sed 's/^/  /'
rm -rf "$OUTDIR"
