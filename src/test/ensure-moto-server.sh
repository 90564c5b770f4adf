#!/usr/bin/env bash
# Makes sure the AWS tests have their emulator, moto's server, before anything is compiled: the
# moto_server this script installed into the build's virtual environment earlier, else the one on
# the PATH, else a pinned moto installed into that virtual environment when the Python package
# index can be reached. When none of these works it stops the build with one line that says what
# to install. MotoServer (src/test/java) starts the same moto_server: the virtual environment's
# when there is one, else the PATH's.
#
#   src/test/ensure-moto-server.sh target/moto-venv
set -uo pipefail
venv="${1:?usage: ensure-moto-server.sh VIRTUAL_ENVIRONMENT_FOLDER}"
pinned='moto[server]==5.2.1'

starts() {
  "$1" --help >/dev/null 2>&1
}

fail() {
  rm -rf "$venv"
  echo "moto_server (the AWS tests' emulator) is not on the PATH and $1: install it with pip install '$pinned' and run the build again." >&2
  exit 1
}

for candidate in "$venv/bin/moto_server" "$(command -v moto_server)"; do
  if [[ -n "$candidate" ]] && starts "$candidate"; then
    echo "moto_server: $candidate"
    exit 0
  fi
done

command -v python3 >/dev/null || fail "there is no python3 to install it with"
echo "moto_server is not on the PATH: installing $pinned into $venv"
python3 -m venv "$venv" >/dev/null 2>&1 || fail "python3 cannot make a virtual environment for it (Debian: apt-get install python3-venv)"
"$venv/bin/pip" install --quiet --disable-pip-version-check --timeout 10 --retries 1 "$pinned" >/dev/null 2>&1 \
  || fail "pip could not install it into $venv (no access to the Python package index?)"
starts "$venv/bin/moto_server" || fail "the one installed into $venv does not start"
echo "moto_server: $venv/bin/moto_server"
