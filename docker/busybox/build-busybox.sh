#!/usr/bin/env bash
# Builds edgerisk/busybox:local (~2 MB) from the host's static busybox: a fast image for compose mechanics tests.
# Env: DOCKER_HOST (engine), BUSYBOX_IMAGE (tag).
set -euo pipefail

image=${BUSYBOX_IMAGE:-edgerisk/busybox:local}
# busybox-static: the binary must not need the host's libc inside the image.
busybox=$(command -v busybox || echo /bin/busybox)
[[ -x $busybox ]] || { echo "build-busybox: busybox is missing: run 'sudo bash scripts/install-deps.sh' (busybox-static)" >&2; exit 1; }

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,tmp,etc,proc,sys,dev}
cp "$busybox" "$root/bin/busybox"
# Every applet as a link so `sh -c`, wget (healthchecks), sleep, kill etc. resolve.
for applet in $("$busybox" --list); do
  [[ $applet == busybox ]] || ln -sf busybox "$root/bin/$applet"
done
tar -C "$root" --numeric-owner -c . | docker import --change 'CMD ["sh"]' - "$image" >/dev/null
echo "build-busybox: imported $image"
