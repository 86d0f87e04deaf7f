#!/usr/bin/env bash
# Full-size parity with PyTorch (issue 4). For torchvision's r3d_18, mc3_18, r2plus1d_18 and s3d,
# torchvision itself builds the model; for c3d, i3d_r50, i3d_nl_r50 (MMAction2's non-local blocks), r2plus1d_r34 (MMAction2's
# ResNet2Plus1d), tsn_r50, tsm_r50, timesformer, the CSNs and
# slowfast_r50 a short PyTorch transcription of MMAction2's module (committed in the fixture scripts,
# MMAction2's key names) does.
# Each is built at full size with random weights and random batch-norm statistics, saves its state
# dict (.pth) and its logits on a random clip (16 or 32 frames; 8 segments for TSN/TSM); action4j then
# loads that .pth through its restricted reader and key mapping, runs the same clip and the two logits
# are compared: max abs diff, and max abs diff relative to the largest logit (random batch-norm
# statistics make logits large, up to ~1e3 for s3d, where float32 rounding alone reaches ~1e-4;
# OK means an absolute difference <= 1e-4 or one <= 1e-5 of the largest logit).
#   tools/parity_full_size.sh [WORK_DIR] [ARCH...]
# Needs Debian's python3-torch and python3-torchvision (apt install python3-torchvision).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-/tmp/action4j-parity}"
shift || true
archs=("${@:-r3d_18 mc3_18 r2plus1d_18 r2plus1d_r34 s3d c3d i3d_r50 i3d_nl_r50 tsn_r50 tsm_r50 timesformer ircsn_r152 ipcsn_r152 slowfast_r50}")
read -r -a archs <<< "${archs[*]}"
for arch in "${archs[@]}"; do
  out="$work/$arch"
  fixtures="$root/plugins"
  case "$arch" in
    s3d) /usr/bin/python3 "$fixtures/s3d/src/test/resources/parity/make_parity_fixtures.py" --full --out "$out" ;;
    c3d) /usr/bin/python3 "$fixtures/c3d/src/test/resources/parity/make_parity_fixtures.py" --full --out "$out" ;;
    ircsn_r152) /usr/bin/python3 "$fixtures/csn/src/test/resources/parity/make_parity_fixtures.py" --full ir --out "$out" ;;
    ipcsn_r152) /usr/bin/python3 "$fixtures/csn/src/test/resources/parity/make_parity_fixtures.py" --full ip --out "$out" ;;
    timesformer) /usr/bin/python3 "$fixtures/timesformer/src/test/resources/parity/make_parity_fixtures.py" --full --out "$out" ;;
    tsn_r50|tsm_r50) /usr/bin/python3 "$fixtures/resnet2d/src/test/resources/parity/make_parity_fixtures.py" --full "$arch" --out "$out" ;;
    *) /usr/bin/python3 "$fixtures/resnet3d/src/test/resources/parity/make_parity_fixtures.py" --full "$arch" --out "$out" ;;
  esac | grep -i "non-local" || true
  # TSN/TSM write torchvision- and MMAction2-keyed files: use MMAction2's, as its users would.
  checkpoint="$(ls "$out"/*_mmaction2.pth 2>/dev/null || ls "$out"/*.pth | head -1)"
  "$root/action4j" model run "$out/model.yaml" --checkpoint "$checkpoint" \
      --input "$out/input.npy" --output "$out/action4j_logits.npy" > "$out/run.log"
  /usr/bin/python3 - "$arch" "$out" <<'PY'
import sys
import numpy as np
arch, out = sys.argv[1], sys.argv[2]
ours = np.load(f"{out}/action4j_logits.npy")
theirs = np.load(f"{out}/logits.npy")
diff = float(np.abs(ours - theirs).max())
relative = diff / float(np.abs(theirs).max())
print(f"{arch}: logits {ours.shape}, max |logit| {float(np.abs(theirs).max()):.3g}, max abs diff vs torchvision "
      f"{diff:.2e} ({relative:.1e} of the largest), top-1 {int(ours.argmax())} vs {int(theirs.argmax())}, "
      f"{'OK' if diff <= 1e-4 or relative <= 1e-5 else 'FAIL'}")
PY
  echo "   command: $root/action4j model run $out/model.yaml --checkpoint $checkpoint --input $out/input.npy --output $out/action4j_logits.npy"
done
