#!/usr/bin/env bash
# Installs the system packages EdgeRisk's build and tests use: the real local services the tests start
# (Redis, Prometheus, Alertmanager, Pushgateway, a Docker engine with compose v1, an image registry), the image build tools
# Node for the Grafana schema check, and clang + zlib for the Native AOT publish of edgerisk-trading.
# Idempotent; needs root (or sudo).
set -euo pipefail

packages=(
  git curl ca-certificates make python3 cron
  redis-server
  prometheus prometheus-alertmanager prometheus-pushgateway
  docker.io docker-compose docker-registry debootstrap busybox-static
  nodejs npm
  clang zlib1g-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A Node from elsewhere (nvm, a tarball) is as good as Debian's.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]}"

if ((${#missing[@]} == 0)); then
  echo "install-deps: all system packages present"
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
# policy-rc.d denies service starts in containers; EdgeRisk starts its services itself.
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
