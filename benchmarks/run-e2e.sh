#!/usr/bin/env bash
# The product benchmark: the ibex CLI end to end (fresh JVM per command) next to a Ta4j DoubleNum program on the same
# generated CSV. Prints a table and writes benchmarks/results/<date>-e2e-<rows>.json.
#   benchmarks/run-e2e.sh [--rows 1000000] [--repeat 3] [--jfr] [--work DIR]
# --jfr also records one ibex backtest with JFR and prints its hottest frames. Needs cli/target/ibex.jar and
# benchmarks/target/benchmarks.jar (./ibex bench --e2e builds both). Measure on an idle machine.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
for a in "$@"; do case "$a" in -h|--help) sed -n '2,6p' "$0"; exit 0 ;; esac; done
for j in "$ROOT/cli/target/ibex.jar" "$HERE/target/benchmarks.jar"; do
  [ -f "$j" ] || { echo "run-e2e: $j not found; build with: mvn -B -DskipTests package" >&2; exit 1; }
done
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1), $(awk '/MemTotal/ {printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo)"
echo "jvm:     $("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.vm\.version = //p' | head -n1)"
cd "$ROOT"
# The class-data archive ./ibex trains once per build: the benchmark's JVMs start as a user's do.
"$ROOT/ibex" --version >/dev/null
exec "$JAVA" --sun-misc-unsafe-memory-access=allow -cp "$HERE/target/benchmarks.jar" io.ibex.bench.e2e.EndToEnd \
  --ibex-jar "$ROOT/cli/target/ibex.jar" --work "$HERE/target/e2e" --cds "$ROOT/.ibex-build/ibex.jsa" "$@"
