#!/usr/bin/env bash
# Benchmark, not a test: how long the packaged app takes from launch to its first frame on screen,
# median of N runs, next to `aws --version` on the same machine. Build the image first
# (./mvnw -B verify -Pimage -DskipTests); on a machine without a display it runs under xvfb-run.
#
#   packaging/cold-start-bench.sh [RUNS] [APP_IMAGE]
set -euo pipefail
runs="${1:-7}"
image="${2:-target/image/drpilot}"
launcher="$image/bin/drpilot"
[[ -x "$launcher" ]] || { echo "no app image at $image: ./mvnw -B verify -Pimage -DskipTests" >&2; exit 1; }
display=()
[[ -z "${DISPLAY:-}" ]] && display=(xvfb-run -a)
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# The probe prints "first frame N ms after the process started" and exits; the launch is timed
# from outside as well (wall), which adds Xvfb's own start when it is used.
for ((i = 0; i < runs; i++)); do
  start=$(date +%s%3N)
  line=$(DRPILOT_STARTUP_PROBE=1 XDG_DATA_HOME="$scratch/data" "${display[@]}" "$launcher" 2>/dev/null | grep '^first frame')
  end=$(date +%s%3N)
  echo "$line" | awk '{print $3}' >> "$scratch/probe"
  echo $((end - start)) >> "$scratch/wall"
done
xvfb=0
if ((${#display[@]})); then
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%3N); xvfb-run -a true; end=$(date +%s%3N); echo $((end - start)) >> "$scratch/xvfb"
  done
  xvfb=$(median < "$scratch/xvfb")
fi
if command -v aws >/dev/null; then
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%3N); aws --version >/dev/null 2>&1; end=$(date +%s%3N); echo $((end - start)) >> "$scratch/aws"
  done
  aws_median="$(median < "$scratch/aws") ms ($(aws --version 2>&1 | cut -d' ' -f1))"
else
  aws_median="not installed"
fi
echo "cold start of $image, $runs runs ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)):"
echo "  first frame after the process started (median): $(median < "$scratch/probe") ms   runs: $(paste -sd' ' "$scratch/probe")"
echo "  launch to exit after the first frame, wall (median): $(median < "$scratch/wall") ms, of which starting Xvfb: $xvfb ms"
echo "  aws --version (median): $aws_median"
echo "reproduce: packaging/cold-start-bench.sh $runs $image"
