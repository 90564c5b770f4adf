#!/usr/bin/env bash
# Benchmark, not a test: how long the packaged command line takes to answer, through the image's
# launcher (with its AOT cache), median of N runs of each, next to `aws --version` on the same machine
# in the same run; the commands take turns, so all see the same load. `incidents` reads a log in a
# scratch data folder holding one played tabletop (made first, not timed). Build the image first (./mvnw -B verify -Pimage -DskipTests).
#
#   packaging/cli-bench.sh [RUNS] [APP_IMAGE]
set -euo pipefail
runs="${1:-9}"
image="${2:-target/image/drpilot}"
launcher="$image/bin/drpilot"
[[ -x "$launcher" ]] || { echo "no app image at $image: ./mvnw -B verify -Pimage -DskipTests" >&2; exit 1; }
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
runbook="$(ls "$image"/lib/app/runbooks/*.yaml | head -1)"
id="$(basename "$runbook" .yaml)"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() {
  local name="$1"; shift
  local start end
  start=$(date +%s%N)
  XDG_DATA_HOME="$scratch/data" "$@" > /dev/null 2> "$scratch/err" || { echo "\`$*\` failed: $(cat "$scratch/err")" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(((end - start) / 1000000)) >> "$scratch/$name"
}
XDG_DATA_HOME="$scratch/data" "$launcher" rehearse druid-pod-failure-tabletop --play --speed 60 \
  --scorecard "$scratch/scorecard.md" > /dev/null
have_aws=false
command -v aws > /dev/null && have_aws=true

for ((i = 0; i < runs; i++)); do
  cut -d' ' -f1 /proc/loadavg >> "$scratch/load"
  timed list "$launcher" list
  timed show "$launcher" show "$id"
  timed incidents "$launcher" incidents
  timed validate "$launcher" validate "$runbook"
  $have_aws && timed aws aws --version
done
cut -d' ' -f1 /proc/loadavg >> "$scratch/load"
echo "command line of $image, $runs runs each, taking turns ($(nproc) cores, load average $(paste -sd' ' "$scratch/load") during the runs):"
for name in list show incidents validate; do
  printf '  drpilot %-10s median %5d ms   runs: %s\n' "$name" "$(median < "$scratch/$name")" "$(paste -sd' ' "$scratch/$name")"
done
if $have_aws; then
  printf '  aws --version      median %5d ms   runs: %s   (%s)\n' "$(median < "$scratch/aws")" "$(paste -sd' ' "$scratch/aws")" "$(aws --version 2>&1 | cut -d' ' -f1)"
else
  echo "  aws --version: not installed"
fi
echo "reproduce: packaging/cli-bench.sh $runs $image"
