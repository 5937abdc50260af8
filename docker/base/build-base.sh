#!/usr/bin/env bash
# Builds edgerisk/base:bookworm without a registry: debootstrap a Debian 12 minbase rootfs, then `docker import`.
# The rootfs tarball is cached under ${XDG_CACHE_HOME:-$HOME/.cache}/edgerisk/, keyed by suite + package list,
# so a rebuild only re-imports it (seconds); an image already carrying the same key is left alone.
# Env: DOCKER_HOST (engine), BASE_IMAGE (tag), DEBIAN_MIRROR (default: the host's first apt URI).
set -euo pipefail

image=${BASE_IMAGE:-edgerisk/base:bookworm}
suite=bookworm
# libicu72/libssl3: .NET runtime; python3 (the standard library: json, urllib, argparse): the runbook's report scripts;
# curl: healthchecks.
packages=libicu72,libssl3,ca-certificates,python3,curl

key=$(printf '%s\n%s\n' "$suite" "$packages" | sha256sum | cut -c1-16)
cache_dir=${XDG_CACHE_HOME:-$HOME/.cache}/edgerisk
tarball=$cache_dir/rootfs-$suite-$key.tar

current=$(docker image inspect --format '{{ index .Config.Labels "org.edgerisk.rootfs-key" }}' "$image" 2>/dev/null || true)
if [[ $current == "$key" ]]; then
  echo "build-base: $image is up to date (rootfs $key)"
  exit 0
fi

if [[ ! -s $tarball ]]; then
  command -v debootstrap >/dev/null || { echo "build-base: debootstrap is missing: run 'sudo bash scripts/install-deps.sh'" >&2; exit 1; }
  mirror=${DEBIAN_MIRROR:-}
  if [[ -z $mirror && -r /etc/apt/sources.list.d/debian.sources ]]; then
    mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  fi
  if [[ -z $mirror && -r /etc/apt/sources.list ]]; then
    mirror=$(awk '$1=="deb"{print $2; exit}' /etc/apt/sources.list)
  fi
  mirror=${mirror:-http://deb.debian.org/debian}

  mkdir -p "$cache_dir"
  rootfs=$(mktemp -d "$cache_dir/rootfs.XXXXXX")
  trap 'rm -rf "$rootfs" "$tarball.tmp"' EXIT
  echo "build-base: debootstrap $suite from $mirror (packages: $packages)"
  debootstrap --variant=minbase --include="$packages" "$suite" "$rootfs" "$mirror" >"$rootfs.log" 2>&1 \
    || { tail -n 20 "$rootfs.log" >&2; rm -f "$rootfs.log"; echo "build-base: debootstrap failed (mirror $mirror; set DEBIAN_MIRROR to override)" >&2; exit 1; }
  rm -f "$rootfs.log"
  # `docker exec trading-core python scripts/...` in the runbook needs a plain `python`.
  ln -sf python3 "$rootfs/usr/bin/python"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" --numeric-owner -cf "$tarball.tmp" .
  mv "$tarball.tmp" "$tarball"
  rm -rf "$rootfs"
  trap - EXIT
  # Tarballs of other package lists are dead weight (~200 MB each).
  find "$cache_dir" -maxdepth 1 -name "rootfs-$suite-*.tar" ! -name "${tarball##*/}" -delete
fi

docker import --change "LABEL org.edgerisk.rootfs-key=$key" --change 'CMD ["/bin/bash"]' \
  --change 'ENV LANG=C.UTF-8' "$tarball" "$image" >/dev/null
echo "build-base: imported $image (rootfs $key)"
