#!/usr/bin/env bash
# Installs what building Explainer needs on a Debian machine with the Swift toolchain:
# cmark's C library and headers (libcmark-dev), the mimalloc allocator (libmimalloc-dev),
# libvips for images (libvips-dev), XXH3 for content hashes (libxxhash-dev), exiftool for the
# tests' metadata checks (libimage-exiftool-perl) and pkg-config; and Pagefind, which indexes
# the site for search (PyPI pagefind-bin, pinned; linked onto PATH as pagefind). Safe to run again.
set -euo pipefail

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

packages=(libcmark-dev libmimalloc-dev libvips-dev libxxhash-dev libimage-exiftool-perl pkg-config cmark)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} …"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Pagefind: the version Explainer's search is tested with (a different one only warns).
pagefind_version="1.5.2"
if ! python3 -c "import pagefind_bin, importlib.metadata as m; assert m.version('pagefind-bin') == '$pagefind_version'" 2>/dev/null; then
  echo "Installing pagefind-bin==$pagefind_version …"
  python3 -m pip install --quiet "pagefind-bin==$pagefind_version"
fi
pagefind_bin="$(python3 -c 'import pagefind_bin; print(pagefind_bin.get_executable())')"
if [ "$(readlink /usr/local/bin/pagefind 2>/dev/null)" != "$pagefind_bin" ]; then
  $sudo ln -sf "$pagefind_bin" /usr/local/bin/pagefind
fi
