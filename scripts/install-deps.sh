#!/usr/bin/env bash
# Installs the system packages EdgeRisk's build and tests use: the real local services the tests start
# (Redis, Prometheus, Alertmanager, Pushgateway, an image registry, a Docker engine with compose v1), the image
# build tools, Node for the Grafana schema check, clang + zlib for the Native AOT publish of edgerisk-trading, and
# Slurm + munge for the tuner's scale-out (a single-node cluster the tests start).
#
#   scripts/install-deps.sh            install what is missing (as root, or through non-interactive sudo)
#   scripts/install-deps.sh --check    only list what is missing; exit 1 when something is
#
# The build runs it before every target that needs these packages (target InstallDeps), so it is fast when
# everything is present: one dpkg-query, no apt call. Exit codes: 0 all present (or installed), 1 missing
# (--check), 2 missing and no way to install them here (not root, no non-interactive sudo, no apt-get).
set -euo pipefail

packages=(
  git curl ca-certificates make python3 cron
  redis-server
  prometheus prometheus-alertmanager prometheus-pushgateway
  docker.io docker-compose docker-registry debootstrap busybox-static
  nodejs npm
  clang zlib1g-dev
  slurm-wlm munge
)

check_only=false
case "${1:-}" in
  --check) check_only=true ;;
  "") ;;
  *) echo "install-deps: unknown argument '$1': use no argument (install) or --check" >&2; exit 2 ;;
esac

command -v dpkg-query >/dev/null || {
  echo "install-deps: no dpkg-query here (not Debian/Ubuntu): install these packages with your package manager: ${packages[*]}" >&2
  exit 2
}

# One dpkg-query for every package; a package dpkg has never heard of is missing too.
installed=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${packages[@]}" 2>/dev/null | awk '$2 ~ /^ii/ {print $1}' || true)
missing=()
for p in "${packages[@]}"; do
  grep -qxF "$p" <<<"$installed" || missing+=("$p")
done
# A Node from elsewhere (nvm, a tarball) is as good as Debian's.
if command -v node >/dev/null && command -v npm >/dev/null; then
  kept=()
  for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || kept+=("$p"); done
  missing=("${kept[@]}")
fi

if ((${#missing[@]} == 0)); then
  $check_only || echo "install-deps: all system packages present"
  exit 0
fi

if $check_only; then
  echo "${missing[*]}"
  exit 1
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    echo "install-deps: missing system packages (${missing[*]}) and no root or non-interactive sudo to install them: run 'sudo bash scripts/install-deps.sh'" >&2
    exit 2
  fi
fi
command -v apt-get >/dev/null || {
  echo "install-deps: missing system packages (${missing[*]}) and no apt-get here: install them with your package manager" >&2
  exit 2
}

echo "install-deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
# policy-rc.d denies service starts in containers; EdgeRisk starts its services itself.
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
