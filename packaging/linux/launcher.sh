#!/bin/sh
# DR Pilot's launcher on Linux (bin/drpilot and bin/drpilot-window), in place of jpackage's. It
# starts the image's runtime with the class path, main class and options of lib/app/NAME.cfg, as
# jpackage's launcher does, but without first asking rpm and dpkg which package it belongs to,
# which jpackage's launcher does on every start (about 130 ms, docs/benchmarks.md). Shell built-ins
# only, so that it starts with an empty PATH (the build checks that).
self="$0"
if command -v readlink > /dev/null 2>&1; then
  self="$(readlink -f -- "$0")"
fi
case "$self" in
  */*) bin="${self%/*}" ;;
  *) bin=. ;;
esac
app="$(cd -P -- "$bin/../lib/app" && pwd -P)" || exit 1
cfg="$app/${self##*/}.cfg"
if [ ! -r "$cfg" ]; then
  echo "${self##*/}: cannot read $cfg: reinstall DR Pilot" >&2
  exit 1
fi

# The operator's arguments stay first in "$@" while the JVM's are appended after them, then they
# are moved behind (a POSIX shell has no other list).
arguments=$#
class_path=""
main_class=""
while IFS= read -r line || [ -n "$line" ]; do
  value="${line#*=}"
  while case "$value" in *'$APPDIR'*) true ;; *) false ;; esac; do
    value="${value%%\$APPDIR*}$app${value#*\$APPDIR}"
  done
  case "$line" in
    app.classpath=*) class_path="${class_path:+$class_path:}$value" ;;
    app.mainclass=*) main_class="$value" ;;
    java-options=*) set -- "$@" "$value" ;;
  esac
done < "$cfg"
set -- "$@" -cp "$class_path" "$main_class"
while [ "$arguments" -gt 0 ]; do
  set -- "$@" "$1"
  shift
  arguments=$((arguments - 1))
done
exec "$app/../runtime/bin/java" "$@"
