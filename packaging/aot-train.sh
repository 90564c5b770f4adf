#!/usr/bin/env bash
# Trains the app image's ahead-of-time cache (JDK 25 AOT cache, the successor of AppCDS) and points
# the launcher at it. The training is one JVM on the image's runtime and class path
# (dev.drpilot.app.AotTraining): `list`, `show`, `incidents` and `validate` of one runbook, then
# the window until its first frame. A JVM takes one cache and the launcher cannot pick one by its
# arguments, so the command line and the window share this one (docs/benchmarks.md has what each
# gains). Needs a display for the window: the real one, or Xvfb through xvfb-run.
#
#   packaging/aot-train.sh target/image/drpilot
set -euo pipefail
image="${1:?usage: aot-train.sh APP_IMAGE_FOLDER}"

for candidate in lib/app/drpilot.cfg app/drpilot.cfg Contents/app/drpilot.cfg; do
  [[ -f "$image/$candidate" ]] && cfg="$image/$candidate"
done
for candidate in lib/runtime/bin/java runtime/bin/java.exe Contents/runtime/Contents/Home/bin/java; do
  [[ -x "$image/$candidate" ]] && java="$image/$candidate"
done
if [[ -z "${cfg:-}" || -z "${java:-}" ]]; then
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

app_dir="$(cd "$(dirname "$cfg")" && pwd)"
separator=":"
[[ "$java" == *.exe ]] && separator=";"
# The class path and options exactly as the launcher gives them ($APPDIR is the folder of the cfg):
# the JVM uses a cache only on the class path it was trained on.
class_path="$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s#\$APPDIR#$app_dir#" | paste -sd"$separator")"
mapfile -t options < <(sed -n 's/^java-options=//p' "$cfg" | grep -v -e '^-XX:AOTCache=' -e '^-Xlog:aot=off$' | sed "s#\$APPDIR#$app_dir#")
runbook="$(ls "$app_dir"/runbooks/*.yaml | head -1)"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# The training run keeps its settings and log out of the builder's own.
if ! DRPILOT_STARTUP_PROBE=1 XDG_DATA_HOME="$scratch/data" "${display[@]}" "$java" "${options[@]}" \
      -XX:AOTCacheOutput="$app_dir/drpilot.aot" -Djava.util.prefs.userRoot="$scratch/prefs" -cp "$class_path" \
      dev.drpilot.app.AotTraining "$runbook" "$(basename "$runbook" .yaml)" > "$scratch/out.txt" 2>&1 \
    || ! grep -q '^first frame' "$scratch/out.txt"; then
  echo "aot-train: the training run did not get through the commands and the window:" >&2
  cat "$scratch/out.txt" >&2
  exit 1
fi
# The jars' file times at training: the JVM checks them before using the cache, and an installer's
# copy changes them (packaging/linux/resources/postinst puts them back).
(cd "$app_dir" && for jar in *.jar lib/*.jar; do echo "$(date -r "$jar" +%s) $jar"; done) > "$app_dir/drpilot.aot.times"
# A copy that changes the jars' file times (jpackage's installers do) makes the JVM skip the
# cache; it then starts as it would without one, and says nothing.
if ! grep -q '^java-options=-XX:AOTCache=' "$cfg"; then
  {
    echo 'java-options=-XX:AOTCache=$APPDIR/drpilot.aot'
    echo 'java-options=-Xlog:aot=off'
  } >> "$cfg"
fi
echo "aot-train: $(grep '^first frame' "$scratch/out.txt") (training run, after list, show, incidents and validate); cache $(du -h "$app_dir/drpilot.aot" | cut -f1)"
