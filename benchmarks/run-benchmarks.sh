#!/usr/bin/env bash
# Runs the ibex JMH suite with fixed JVM flags, writes benchmarks/results/<date>-<quick|full>.json and prints a table.
#   benchmarks/run-benchmarks.sh [--quick] [include-regex]
# --quick: 1 fork, 2x1 s warm-up, 3x1 s measurement (about 3 minutes); default: 5x2 s + 5x2 s (about 8 minutes).
# Needs JAVA_HOME (JDK 21+) and benchmarks/target/benchmarks.jar (mvn -B -pl benchmarks -am package -DskipTests).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="$HERE/target/benchmarks.jar"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# The same flags are appended to every forked benchmark JVM (BenchMain.JVM_FLAGS); keep both lists identical.
FLAGS=(-Xms2g -Xmx2g -XX:+AlwaysPreTouch -XX:+UseParallelGC --sun-misc-unsafe-memory-access=allow)

mode=full
args=()
for a in "$@"; do
  case "$a" in
    --quick) mode=quick; args+=(--quick) ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) args+=("$a") ;;
  esac
done

[ -f "$JAR" ] || { echo "run-benchmarks: $JAR not found; build it with: mvn -B -pl benchmarks -am package -DskipTests" >&2; exit 1; }
mkdir -p "$HERE/results"
result="$HERE/results/$(date -u +%Y-%m-%d)-$mode.json"

echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1), $(awk '/MemTotal/ {printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo)"
echo "jvm:     $("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.vm\.version = //p' | head -n1)  flags: ${FLAGS[*]}"
"$JAVA" "${FLAGS[@]}" -cp "$JAR" io.ibex.bench.BenchMain --result "$result" "${args[@]}"
echo
"$JAVA" "${FLAGS[@]}" -cp "$JAR" io.ibex.bench.RetainedHeap
echo "results: $result"
