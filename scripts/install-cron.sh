#!/usr/bin/env bash
# Installs the report jobs of deploy/crontab into the current user's crontab.
# Merges with `crontab -l`: other entries are kept as they are, and a job already present (compared with
# whitespace collapsed) is not added again, so running this twice changes nothing.
# Usage: install-cron.sh [CRONTAB_FILE]   (default: deploy/crontab of this repository)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source_file=${1:-$repo/deploy/crontab}
[[ -r $source_file ]] || { echo "install-cron: '$source_file' is not readable (pass the crontab file to install)" >&2; exit 2; }
command -v crontab >/dev/null || { echo "install-cron: 'crontab' is not installed (apt-get install cron)" >&2; exit 2; }

# "no crontab for USER" is an empty crontab; any other error stops us before anything could be overwritten.
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT
if ! current=$(crontab -l 2>"$errors"); then
  if grep -q '^no crontab for ' "$errors"; then
    current=""
  else
    echo "install-cron: 'crontab -l' failed: $(head -n1 "$errors")" >&2
    exit 1
  fi
fi

normalise() { tr -s ' \t' ' ' <<<"$1" | sed 's/^ //; s/ $//'; }

declare -A present=()
while IFS= read -r line; do
  [[ -n $line ]] && present["$(normalise "$line")"]=1
done <<<"$current"

added=()
while IFS= read -r line || [[ -n $line ]]; do
  [[ -z ${line//[[:space:]]/} || $line == \#* ]] && continue
  key=$(normalise "$line")
  if [[ -z ${present[$key]:-} ]]; then
    added+=("$line")
    present[$key]=1
  fi
done <"$source_file"

if ((${#added[@]} == 0)); then
  echo "install-cron: all jobs of $source_file are already installed"
  exit 0
fi

{
  [[ -n $current ]] && printf '%s\n' "$current"
  printf '%s\n' "${added[@]}"
} | crontab -
echo "install-cron: added ${#added[@]} job(s) from $source_file"
