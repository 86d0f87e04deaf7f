#!/usr/bin/env bash
# Flow on the fly over overlapping windows (issue 16): `recognize --window 16 --stride 4` of a temporal stream
# (15 Farneback flows a window, stacked into a small 2D ResNet with seeded weights) over a 10 s 340x256 clip,
# with each frame pair's flow kept for the next windows (the default, reuseMegabytes 64) and computed again for
# every window (reuseMegabytes 0), alternating. The JSON lines of the two runs must be the same.
#   benchmarks/flow_window_reuse.sh [WORK_DIR] [RUNS]
# Needs the Debian ffmpeg CLI (to make the clip).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-/tmp/action4j-flow-bench}"
runs="${2:-3}"
mkdir -p "$work"
clip="$work/clip_340x256_10s.mp4"
[[ -f "$clip" ]] || ffmpeg -v error -f lavfi -i "testsrc2=size=340x256:rate=30" -t 10 -c:v libx264 \
    -preset veryfast -pix_fmt yuv420p -y "$clip"
config="$work/temporal_stream_16.yaml"
cat > "$config" <<'YAML'
model:
  backbone:
    type: early_fusion
    stackFrames: 0
    trunk: {depth: 18, baseChannels: 16, stageBlocks: [1, 1, 1, 1]}
  clsHead: {type: tsn, numClasses: 9}
data:
  sampler: {type: sample_frames, clipLen: 16, frameInterval: 1, numClips: 1, testMode: true}
  pipeline:
    - {type: optical_flow, method: farneback, bound: 20}
    - {type: center_crop, cropSize: [224, 224]}
    - {type: normalize, mean: [128, 128], std: [128, 128]}
  format: {inputFormat: NCTHW}
YAML
grep -m1 'model name' /proc/cpuinfo
echo "cores: $(nproc), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
  for reuse in 64 0; do
    start=$(date +%s.%N)
    "$root/action4j" recognize --config "$config" --window 16 --stride 4 --quiet \
        --set "data.pipeline[0].reuseMegabytes=$reuse" --out "$work/windows_reuse$reuse.jsonl" "$clip"
    end=$(date +%s.%N)
    printf 'run %d, reuseMegabytes %-2s: %d windows in %.1f s (the whole command, JVM start included)\n' "$run" \
        "$reuse" "$(wc -l < "$work/windows_reuse$reuse.jsonl")" "$(echo "$end - $start" | bc)"
  done
  cmp -s "$work/windows_reuse64.jsonl" "$work/windows_reuse0.jsonl" && echo "same window lines" \
      || { echo "the window lines differ"; exit 1; }
done
