#!/usr/bin/env bash
# Full-size parity with torchvision (issue 4): for each of r3d_18, mc3_18 and r2plus1d_18, torchvision
# builds the real architecture with random weights and random batch-norm statistics, saves its state
# dict (.pth, torchvision's key names) and its logits on a random 1x3x16x112x112 clip; action4j then
# loads that .pth through its restricted reader and key mapping, runs the same clip and the two logits
# are compared.
#   tools/parity_torchvision.sh [WORK_DIR] [ARCH...]
# Needs Debian's python3-torch and python3-torchvision (apt install python3-torchvision).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-/tmp/action4j-parity}"
shift || true
archs=("${@:-r3d_18 mc3_18 r2plus1d_18}")
read -r -a archs <<< "${archs[*]}"
script="$root/plugins/resnet3d/src/test/resources/parity/make_parity_fixtures.py"
for arch in "${archs[@]}"; do
  out="$work/$arch"
  /usr/bin/python3 "$script" --full "$arch" --out "$out" > /dev/null
  "$root/action4j" model run "$out/model.yaml" --checkpoint "$out/$arch.pth" \
      --input "$out/input.npy" --output "$out/action4j_logits.npy" > "$out/run.log"
  /usr/bin/python3 - "$arch" "$out" <<'PY'
import sys
import numpy as np
arch, out = sys.argv[1], sys.argv[2]
ours = np.load(f"{out}/action4j_logits.npy")
theirs = np.load(f"{out}/logits.npy")
diff = float(np.abs(ours - theirs).max())
print(f"{arch}: logits {ours.shape}, max abs diff vs torchvision {diff:.2e}, "
      f"top-1 {int(ours.argmax())} vs {int(theirs.argmax())}, {'OK' if diff <= 1e-4 else 'FAIL (> 1e-4)'}")
PY
  echo "   command: $root/action4j model run $out/model.yaml --checkpoint $out/$arch.pth --input $out/input.npy --output $out/action4j_logits.npy"
done
