#!/usr/bin/env bash
# Installs what building Explainer needs on a Debian machine with the Swift toolchain:
# cmark's C library and headers (libcmark-dev), the mimalloc allocator (libmimalloc-dev),
# libvips for images (libvips-dev), XXH3 for content hashes (libxxhash-dev), exiftool for the
# tests' metadata checks (libimage-exiftool-perl) and pkg-config. Safe to run again.
set -euo pipefail

packages=(libcmark-dev libmimalloc-dev libvips-dev libxxhash-dev libimage-exiftool-perl pkg-config cmark)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing ${missing[*]} …"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
