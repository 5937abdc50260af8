#!/usr/bin/env bash
# Builds every image of the staging stack on the engine at DOCKER_HOST (default socket otherwise), registry-free:
#   edgerisk/base:bookworm        debootstrap rootfs (cached tarball) + docker import
#   edgerisk/busybox:local        host static busybox, for fast tests
#   edgerisk/{redis,prometheus,alertmanager}:local   Debian packages on the base (apt in a --network host build)
#   edgerisk/trading-core:VERSION self-contained edgerisk-trading + scripts/report_*.py (+ reportlib.py) + data/lean
# Usage: scripts/build-images.sh [--version V] [--skip-app]
# VERSION defaults to EDGERISK_VERSION, else <Version> in Directory.Build.props.
set -euo pipefail
cd "$(dirname "$0")/.."

version=${EDGERISK_VERSION:-}
skip_app=false
while (($#)); do
  case $1 in
    --version) version=${2:?--version needs a value}; shift 2 ;;
    --skip-app) skip_app=true; shift ;;
    *) echo "build-images: unknown argument '$1' (use --version V, --skip-app)" >&2; exit 2 ;;
  esac
done
if [[ -z $version ]]; then
  version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n1)
fi
[[ $version =~ ^[0-9A-Za-z][0-9A-Za-z._-]*$ ]] || { echo "build-images: '$version' is not a valid image tag (set EDGERISK_VERSION or --version)" >&2; exit 2; }

export DOCKER_BUILDKIT=0
logs=artifacts/docker/logs
mkdir -p "$logs"
started=$SECONDS

bash docker/base/build-base.sh
bash docker/busybox/build-busybox.sh

# The service images and the app publish are independent: run them side by side.
declare -A pids=()
for service in redis prometheus alertmanager; do
  docker build --force-rm --network host -t "edgerisk/$service:local" "docker/$service" >"$logs/$service.log" 2>&1 &
  pids[$service]=$!
done

context=artifacts/docker/trading-core
if [[ $skip_app == false ]]; then
  rm -rf "$context"
  mkdir -p "$context/scripts" "$context/data"
  dotnet publish src/EdgeRisk.Trading.Host/EdgeRisk.Trading.Host.csproj -c Release -r linux-x64 --self-contained \
    -p:PublishSingleFile=true -p:Version="$version" -o "$context/app" --nologo >"$logs/publish.log" 2>&1 &
  pids[publish]=$!
fi

failed=()
for name in "${!pids[@]}"; do
  wait "${pids[$name]}" || failed+=("$name")
done
if ((${#failed[@]})); then
  for name in "${failed[@]}"; do
    echo "build-images: $name failed; last lines of $logs/$name.log:" >&2
    tail -n 15 "$logs/$name.log" >&2
  done
  exit 1
fi
echo "build-images: service images built"

if [[ $skip_app == false ]]; then
  for script in report_pnl.py report_mem.py reportlib.py; do
    [[ -f scripts/$script ]] || { echo "build-images: scripts/$script is missing: the runbook runs it inside trading-core" >&2; exit 1; }
    cp "scripts/$script" "$context/scripts/"
  done
  cp -r data/lean "$context/data/lean"
  cp docker/trading-core/Dockerfile "$context/Dockerfile"
  docker build --force-rm -t "edgerisk/trading-core:$version" "$context" >"$logs/trading-core.log" 2>&1 \
    || { tail -n 15 "$logs/trading-core.log" >&2; exit 1; }
  echo "build-images: edgerisk/trading-core:$version built"
fi
echo "build-images: done in $((SECONDS - started)) s"
