#!/usr/bin/env bash
# Builds every image of the staging stack on the engine at DOCKER_HOST (default socket otherwise) and, with --push, pushes
# them to the registry that docker-compose.staging.yml pulls from (EDGERISK_REGISTRY):
#   edgerisk/base:bookworm          debootstrap rootfs (cached, content-keyed tarball) + docker import; local only
#   edgerisk/busybox:local          host static busybox, for fast tests; local only
#   REGISTRY/edgerisk/{redis,prometheus,alertmanager}:VERSION   Debian packages on the base (apt in a --network host build)
#   REGISTRY/edgerisk/trading-core:VERSION   self-contained edgerisk-trading + scripts/report_*.py (+ reportlib.py) + data/lean
# Each pushed image carries the labels org.opencontainers.image.revision (the commit) and org.opencontainers.image.version.
# Usage: scripts/build-images.sh [--version V] [--registry R] [--revision SHA] [--push] [--skip-app]
# VERSION defaults to EDGERISK_VERSION, else <Version> in Directory.Build.props; REGISTRY to EDGERISK_REGISTRY, else .env's;
# SHA to the checked-out commit. Progress lines start with "build-images:" and name the step and its seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

version=${EDGERISK_VERSION:-}
registry=${EDGERISK_REGISTRY:-}
revision=
push=false
skip_app=false
usage="use --version V, --registry HOST[:PORT][/NAMESPACE], --revision SHA, --push, --skip-app"
while (($#)); do
  case $1 in
    --version) version=${2:?--version needs a value}; shift 2 ;;
    --registry) registry=${2:?--registry needs a value}; shift 2 ;;
    --revision) revision=${2:?--revision needs a value}; shift 2 ;;
    --push) push=true; shift ;;
    --skip-app) skip_app=true; shift ;;
    *) echo "build-images: unknown argument '$1' ($usage)" >&2; exit 2 ;;
  esac
done
if [[ -z $version ]]; then
  version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n1)
fi
[[ $version =~ ^[0-9A-Za-z][0-9A-Za-z._-]*$ ]] || { echo "build-images: '$version' is not a valid image tag (set EDGERISK_VERSION or --version)" >&2; exit 2; }
if [[ -z $registry && -r .env ]]; then
  registry=$(sed -n 's/^EDGERISK_REGISTRY=//p' .env | tail -n1)
fi
[[ $registry =~ ^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?(/[a-z0-9]+([._-][a-z0-9]+)*)*$ ]] \
  || { echo "build-images: registry '$registry' is not HOST[:PORT][/NAMESPACE] in lowercase (set EDGERISK_REGISTRY or --registry, e.g. 127.0.0.1:5057 or ghcr.io/<owner>)" >&2; exit 2; }
if [[ -z $revision ]]; then
  revision=$(git rev-parse HEAD 2>/dev/null || echo unknown)
fi

export DOCKER_BUILDKIT=0
logs=artifacts/docker/logs
mkdir -p "$logs"
started=$SECONDS
labels=(--label "org.opencontainers.image.revision=$revision" --label "org.opencontainers.image.version=$version")
services=(redis prometheus alertmanager)
image() { echo "$registry/edgerisk/$1:$version"; }
step() { echo "build-images: $1 (at $((SECONDS - started)) s)"; }

step "step base: edgerisk/base:bookworm (debootstrap when the rootfs tarball is not cached, then docker import)"
bash docker/base/build-base.sh
bash docker/busybox/build-busybox.sh

# The service images and the app publish are independent: run them side by side.
declare -A pids=()
for service in "${services[@]}"; do
  docker build --force-rm --network host "${labels[@]}" -t "$(image "$service")" "docker/$service" >"$logs/$service.log" 2>&1 &
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
step "step services+publish: apt builds of ${services[*]} and the dotnet publish, side by side"

failed=()
for name in "${!pids[@]}"; do
  if wait "${pids[$name]}"; then
    step "$name done"
  else
    failed+=("$name")
  fi
done
if ((${#failed[@]})); then
  for name in "${failed[@]}"; do
    echo "build-images: $name failed; last lines of $logs/$name.log:" >&2
    tail -n 15 "$logs/$name.log" >&2
  done
  exit 1
fi

if [[ $skip_app == false ]]; then
  step "step trading-core: $(image trading-core)"
  for script in report_pnl.py report_mem.py reportlib.py; do
    [[ -f scripts/$script ]] || { echo "build-images: scripts/$script is missing: the runbook runs it inside trading-core" >&2; exit 1; }
    cp "scripts/$script" "$context/scripts/"
  done
  cp -r data/lean "$context/data/lean"
  # The configuration the image trades with by default (edgerisk-trading --config /app/config).
  cp -r config "$context/config"
  cp docker/trading-core/Dockerfile "$context/Dockerfile"
  docker build --force-rm "${labels[@]}" -t "$(image trading-core)" "$context" >"$logs/trading-core.log" 2>&1 \
    || { tail -n 15 "$logs/trading-core.log" >&2; exit 1; }
fi

if [[ $push == true ]]; then
  built=("${services[@]}")
  [[ $skip_app == true ]] || built+=(trading-core)
  for name in "${built[@]}"; do
    step "step push: $(image "$name")"
    docker push "$(image "$name")" >"$logs/push-$name.log" 2>&1 || {
      tail -n 5 "$logs/push-$name.log" >&2
      echo "build-images: push of $(image "$name") failed: is the registry $registry running (./build.sh StartServices for the local one) and, if it wants a login, are you logged in (docker login ${registry%%/*})?" >&2
      exit 1
    }
  done
fi
echo "build-images: done in $((SECONDS - started)) s ($registry, $version, revision $revision$([[ $push == true ]] && echo ', pushed'))"
