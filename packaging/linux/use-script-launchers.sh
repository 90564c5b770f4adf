#!/usr/bin/env bash
# Puts packaging/linux/launcher.sh in place of jpackage's launchers of a Linux app image (see that
# file for why). Other systems' images keep jpackage's launchers.
#
#   packaging/linux/use-script-launchers.sh target/image/drpilot
set -euo pipefail
image="${1:?usage: use-script-launchers.sh APP_IMAGE_FOLDER}"
if [[ ! -x "$image/lib/runtime/bin/java" ]]; then
  echo "use-script-launchers: not a Linux app image, jpackage's launchers kept"
  exit 0
fi
for cfg in "$image"/lib/app/*.cfg; do
  launcher="$image/bin/$(basename "$cfg" .cfg)"
  cp "$(dirname "$0")/launcher.sh" "$launcher"
  chmod 755 "$launcher"
done
