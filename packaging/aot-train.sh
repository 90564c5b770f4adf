#!/usr/bin/env bash
# Trains the app image's ahead-of-time caches (JDK 25 AOT cache, the successor of AppCDS) and points
# each launcher at its own. A JDK 25 cache loads every class it holds when the JVM starts, so a cache
# trained on both the command line and the window slows both (docs/benchmarks.md): `bin/drpilot`,
# what an operator types, gets a cache of the everyday commands (`list`, `show`, `incidents` and
# `validate` of one runbook), and `bin/drpilot-window`, which the desktop entry starts, a cache of
# the window up to its first frame. The training is dev.drpilot.app.AotTraining on the image's
# runtime and class path. The window's needs a display: the real one, or Xvfb through xvfb-run;
# without either, that launcher starts without a cache and the script says so.
#
#   packaging/aot-train.sh target/image/drpilot
set -euo pipefail
image="${1:?usage: aot-train.sh APP_IMAGE_FOLDER}"

for candidate in lib/app app Contents/app; do
  [[ -f "$image/$candidate/drpilot.cfg" ]] && app_dir="$(cd "$image/$candidate" && pwd)"
done
for candidate in lib/runtime/bin/java runtime/bin/java.exe Contents/runtime/Contents/Home/bin/java; do
  [[ -x "$image/$candidate" ]] && java="$image/$candidate"
done
if [[ -z "${app_dir:-}" || -z "${java:-}" ]]; then
  echo "aot-train: no jpackage app image in $image" >&2
  exit 1
fi
separator=":"
[[ "$java" == *.exe ]] && separator=";"
runbook="$(ls "$app_dir"/runbooks/*.yaml | head -1)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# train LAUNCHER [DISPLAY_WRAPPER...] -- TRAINING_ARGUMENTS...: one training run with the class path
# and options exactly as that launcher gives them ($APPDIR is the folder of the cfg), since the JVM
# uses a cache only on the class path it was trained on; then the launcher's cfg names the cache.
train() {
  local launcher="$1" cfg="$app_dir/$1.cfg"
  shift
  local wrapper=()
  while [[ "$1" != "--" ]]; do wrapper+=("$1"); shift; done
  shift
  local class_path options
  class_path="$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s#\$APPDIR#$app_dir#" | paste -sd"$separator")"
  mapfile -t options < <(sed -n 's/^java-options=//p' "$cfg" | grep -v -e '^-XX:AOTCache=' -e '^-Xlog:aot=off$' | sed "s#\$APPDIR#$app_dir#")
  # The training run keeps its settings and log out of the builder's own.
  if ! DRPILOT_STARTUP_PROBE=1 XDG_DATA_HOME="$scratch/data" "${wrapper[@]}" "$java" "${options[@]}" \
        -XX:AOTCacheOutput="$app_dir/$launcher.aot" -Djava.util.prefs.userRoot="$scratch/prefs" -cp "$class_path" \
        dev.drpilot.app.AotTraining "$@" > "$scratch/$launcher.txt" 2>&1; then
    echo "aot-train: the training run of $launcher failed:" >&2
    cat "$scratch/$launcher.txt" >&2
    exit 1
  fi
  if ! grep -q '^java-options=-XX:AOTCache=' "$cfg"; then
    {
      echo "java-options=-XX:AOTCache=\$APPDIR/$launcher.aot"
      echo 'java-options=-Xlog:aot=off'
    } >> "$cfg"
  fi
  echo "aot-train: $launcher's cache $(du -h "$app_dir/$launcher.aot" | cut -f1)"
}

train drpilot -- commands "$runbook" "$(basename "$runbook" .yaml)"

display=()
if [[ "$(uname -s)" == Linux && -z "${DISPLAY:-}" ]]; then
  if command -v xvfb-run >/dev/null; then
    display=(xvfb-run -a)
  else
    display=(none)
    echo "aot-train: the window's cache skipped, no display and no xvfb-run (apt-get install xvfb); drpilot-window starts without one"
  fi
fi
if [[ "${display[*]}" != none ]]; then
  train drpilot-window "${display[@]}" -- window
  grep '^first frame' "$scratch/drpilot-window.txt" | sed 's/^/aot-train: drpilot-window training run: /' \
    || { echo "aot-train: the window's training run showed no frame:" >&2; cat "$scratch/drpilot-window.txt" >&2; exit 1; }
fi

# The jars' file times at training: the JVM checks them before using a cache, and an installer's
# copy changes them (packaging/linux/resources/postinst puts them back); without it, the JVM skips
# the cache, starts as it would without one, and says nothing.
(cd "$app_dir" && for jar in *.jar lib/*.jar; do echo "$(date -r "$jar" +%s) $jar"; done) > "$app_dir/drpilot.aot.times"
