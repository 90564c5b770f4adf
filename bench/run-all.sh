#!/usr/bin/env bash
# Runs every benchmark of docs/benchmarks.md one after another, each printing its figures and the
# anchor it is compared with in the same run, into bench-results/ (one file each). Run it on an idle
# machine: the figures move with the load, which each benchmark prints at its start and end.
# Needs JDK 25 (JAVA_HOME), moto_server and aws on the PATH, Xvfb, PostgreSQL 15's server binaries.
#
#   bench/run-all.sh            # about 15 minutes on 2 cores
set -euo pipefail
cd "$(dirname "$0")/.."
out="bench-results"
mkdir -p "$out"
mvn_bench() { ./mvnw -q -B -o -DskipTests test-compile exec:exec -Dexec.classpathScope=test -Dbench="$1"; }
run() {
  local name="$1"; shift
  echo "== $name: $* (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  "$@" 2>&1 | tee "$out/$name.txt"
}

./mvnw -q -B -o verify -Pimage -DskipTests > "$out/image-build.txt" 2>&1
run cli packaging/cli-bench.sh 7
run cold-start packaging/cold-start-bench.sh 7
run appends mvn_bench dev.drpilot.bench.IncidentLogBenchmark
run exports mvn_bench dev.drpilot.bench.ExportBenchmark
export DISPLAY="${DISPLAY:-}"
run status-panel env JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xms32m -Xmx512m -XX:ReservedCodeCacheSize=64m -Xss512k" \
  ./mvnw -q -B -o -DskipTests test-compile exec:exec -Dexec.classpathScope=test -Dbench=dev.drpilot.ui.StatusPanelBenchmark
run long-incident mvn_bench dev.drpilot.ui.LongIncidentBenchmark
run aws-calls mvn_bench dev.drpilot.bench.AwsCallsBenchmark
run team-log mvn_bench dev.drpilot.bench.TeamLogBenchmark
echo "results in $out/"
