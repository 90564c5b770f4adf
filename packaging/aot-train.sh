#!/usr/bin/env bash
# Trains the app image's ahead-of-time cache (JDK 25 AOT cache, the successor of AppCDS): starts
# the packaged app once until its first frame is on screen, records the classes it loaded and
# linked, and points the launcher at the cache. The first window then comes up about a third
# sooner (docs/benchmarks.md). Needs a display: the real one, or Xvfb through xvfb-run.
#
#   packaging/aot-train.sh target/image/drpilot
set -euo pipefail
image="${1:?usage: aot-train.sh APP_IMAGE_FOLDER}"

for candidate in lib/app/drpilot.cfg app/drpilot.cfg Contents/app/drpilot.cfg; do
  [[ -f "$image/$candidate" ]] && cfg="$image/$candidate"
done
for candidate in bin/drpilot drpilot.exe Contents/MacOS/drpilot; do
  [[ -x "$image/$candidate" ]] && launcher="$image/$candidate"
done
if [[ -z "${cfg:-}" || -z "${launcher:-}" ]]; then
  echo "aot-train: no jpackage app image in $image" >&2
  exit 1
fi

display=()
if [[ "$(uname -s)" == Linux && -z "${DISPLAY:-}" ]]; then
  if ! command -v xvfb-run >/dev/null; then
    echo "aot-train: skipped, no display and no xvfb-run (apt-get install xvfb); the app starts without the cache"
    exit 0
  fi
  display=(xvfb-run -a)
fi

cache_dir="$(dirname "$cfg")"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp "$cfg" "$scratch/drpilot.cfg"
# The training run keeps its settings and log out of the builder's own.
{
  echo 'java-options=-XX:AOTCacheOutput=$APPDIR/drpilot.aot'
  echo "java-options=-Djava.util.prefs.userRoot=$scratch/prefs"
} >> "$cfg"
if ! DRPILOT_STARTUP_PROBE=1 XDG_DATA_HOME="$scratch/data" "${display[@]}" "$launcher" > "$scratch/out.txt" 2>&1 \
    || ! grep -q '^first frame' "$scratch/out.txt"; then
  cp "$scratch/drpilot.cfg" "$cfg"
  echo "aot-train: the packaged app did not show its window:" >&2
  cat "$scratch/out.txt" >&2
  exit 1
fi
cp "$scratch/drpilot.cfg" "$cfg"
# The jars' file times at training: the JVM checks them before using the cache, and an installer's
# copy changes them (packaging/linux/resources/postinst puts them back).
(cd "$cache_dir" && for jar in *.jar lib/*.jar; do echo "$(date -r "$jar" +%s) $jar"; done) > "$cache_dir/drpilot.aot.times"
# A copy that changes the jars' file times (jpackage's installers do) makes the JVM skip the
# cache; it then starts as it would without one, and says nothing.
{
  echo 'java-options=-XX:AOTCache=$APPDIR/drpilot.aot'
  echo 'java-options=-Xlog:aot=off'
} >> "$cfg"
echo "aot-train: $(grep '^first frame' "$scratch/out.txt") (training run); cache $(du -h "$cache_dir/drpilot.aot" | cut -f1)"
