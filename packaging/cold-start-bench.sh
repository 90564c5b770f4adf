#!/usr/bin/env bash
# Benchmark, not a test: how long the packaged app takes from launch to its first frame, against the
# floor, measured in the same run. The floor is packaging/floor/EmptyWindow.java, an empty JavaFX
# window, compiled here against the image's JavaFX jars, run on the image's jlink runtime, with its
# own AOT cache trained as the app's is (one run up to the first frame). App and floor take turns,
# so both see the same load. Both time the same moment: the second pulse after the window is shown,
# from the process's start. Build the image first (./mvnw -B verify -Pimage -DskipTests); needs
# javac 25 on the PATH or in JAVA_HOME; without a display it runs under xvfb-run.
#
#   packaging/cold-start-bench.sh [RUNS] [APP_IMAGE]
set -euo pipefail
runs="${1:-7}"
image="${2:-target/image/drpilot}"
launcher="$image/bin/drpilot-window"
java="$image/lib/runtime/bin/java"
[[ -x "$launcher" && -x "$java" ]] || { echo "no app image at $image: ./mvnw -B verify -Pimage -DskipTests" >&2; exit 1; }
javac="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
display=()
[[ -z "${DISPLAY:-}" ]] && display=(xvfb-run -a)
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
load() { cut -d' ' -f1 /proc/loadavg; }
first_frame() { DRPILOT_STARTUP_PROBE=1 XDG_DATA_HOME="$scratch/data" "${display[@]}" "$@" 2>/dev/null | sed -n 's/^first frame \([0-9]*\) ms.*/\1/p'; }

fx="$(ls "$image"/lib/app/lib/javafx-*.jar | paste -sd:)"
"$javac" --release 25 -cp "$fx" -d "$scratch/floor-classes" "$(dirname "$0")/floor/EmptyWindow.java"
# A jar, not a folder: the JVM keeps no AOT cache for classes from a folder.
(cd "$scratch/floor-classes" && "${javac%javac}jar" --create --file ../floor.jar .)
floor=("$java" --enable-native-access=ALL-UNNAMED -Xlog:aot=off -cp "$scratch/floor.jar:$fx")
[[ -n "$(first_frame "${floor[@]}" -XX:AOTCacheOutput="$scratch/floor.aot" EmptyWindow)" ]] \
  || { echo "the floor's training run showed no frame" >&2; exit 1; }

for ((i = 0; i < runs; i++)); do
  load >> "$scratch/load"
  first_frame "$launcher" >> "$scratch/app"
  first_frame "${floor[@]}" -XX:AOTCache="$scratch/floor.aot" EmptyWindow >> "$scratch/floor"
done
load >> "$scratch/load"
app=$(median < "$scratch/app")
floor_median=$(median < "$scratch/floor")
echo "cold start of $image, $runs runs each, taking turns ($(nproc) cores, load average $(paste -sd' ' "$scratch/load") during the runs):"
echo "  DR Pilot, first frame after the process started (median): $app ms   runs: $(paste -sd' ' "$scratch/app")"
echo "  floor, an empty JavaFX window on the same runtime, own AOT cache (median): $floor_median ms   runs: $(paste -sd' ' "$scratch/floor")"
echo "  ratio: $(awk -v a="$app" -v f="$floor_median" 'BEGIN {printf "%.2f", a / f}')x the floor"
echo "reproduce: packaging/cold-start-bench.sh $runs $image"
