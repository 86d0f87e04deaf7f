#!/usr/bin/env bash
# Optical-flow extraction speed (issue 16): action4j flow extract against Debian's python3-opencv doing the same
# work with the same parameters, one after the other on the same clip: decode every frame, grey, Farneback
# (0.5, 3, 15, 3, 5, 1.2, 0) between consecutive frames, quantize with bound 20 and write x/y JPEGs (quality 95).
#   benchmarks/flow_extraction.sh [WORK_DIR] [RUNS]
# Needs the Debian ffmpeg CLI (to make the clip) and python3-opencv (/usr/bin/python3).
# Clip: 10 s of ffmpeg's testsrc2 at 340x256, 30 fps, H.264: 300 frames, 299 pairs.
# Also: four copies of the clip with --threads 1 and --threads 2 (parallel over videos), and --threads 2 with
# OpenCV's own thread pool at 1 thread; TV-L1 on 6 frames; and the peak resident memory of a 10 s and a 60 s clip's extraction.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-/tmp/action4j-flow-bench}"
runs="${2:-3}"
mkdir -p "$work"
clip="$work/clip_340x256_10s.mp4"
[[ -f "$clip" ]] || ffmpeg -v error -f lavfi -i "testsrc2=size=340x256:rate=30" -t 10 -c:v libx264 \
    -preset veryfast -pix_fmt yuv420p -y "$clip"

grep -m1 'model name' /proc/cpuinfo
echo "cores: $(nproc), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

cat > "$work/farneback.py" <<'PY'
import os, sys, time
import cv2
import numpy as np
video, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
start = time.perf_counter()
capture = cv2.VideoCapture(video)
ok, frame = capture.read()
previous = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
pairs = 0
flow_seconds = 0.0
while True:
    ok, frame = capture.read()
    if not ok:
        break
    grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    t = time.perf_counter()
    flow = cv2.calcOpticalFlowFarneback(previous, grey, None, 0.5, 3, 15, 3, 5, 1.2, 0)
    flow_seconds += time.perf_counter() - t
    pairs += 1
    # The storage rule: clip to +-20, rescale to 0..255, round half to even.
    levels = np.rint(255 * (np.clip(flow, -20, 20).astype(np.float64) + 20) / 40).astype(np.uint8)
    cv2.imwrite(os.path.join(out, "x_%05d.jpg" % pairs), levels[:, :, 0])
    cv2.imwrite(os.path.join(out, "y_%05d.jpg" % pairs), levels[:, :, 1])
    previous = grey
seconds = time.perf_counter() - start
print("python3-opencv %s: %d pairs in %.2f s: %.1f pairs/s (Farneback alone: %.1f pairs/s)"
      % (cv2.__version__, pairs, seconds, pairs / seconds, pairs / flow_seconds))
PY

launcher=("$root/action4j")
"${launcher[@]}" --version >/dev/null   # builds first when sources changed, so no run below times a build
echo "== side by side, alternating: python3-opencv, then action4j (its pairs/s times the extraction, not the JVM's start)"
for run in $(seq "$runs"); do
  rm -rf "$work/python" "$work/action4j"
  /usr/bin/python3 "$work/farneback.py" "$clip" "$work/python"
  "${launcher[@]}" flow extract "$clip" --method farneback --bound 20 --threads 1 --out "$work/action4j" | tail -1
  echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "   commands: /usr/bin/python3 $work/farneback.py $clip $work/python"
echo "             ${launcher[*]} flow extract $clip --method farneback --bound 20 --threads 1 --out $work/action4j"

echo "== both outputs read back with cv2.imread: difference in levels over every x/y file"
/usr/bin/python3 - "$work/python" "$work/action4j/clip_340x256_10s" <<'PY'
import sys, cv2, numpy as np
largest, mean = 0, []
for i in range(1, 300):
    for c in "xy":
        a = cv2.imread("%s/%s_%05d.jpg" % (sys.argv[1], c, i), cv2.IMREAD_GRAYSCALE).astype(int)
        b = cv2.imread("%s/%s_%05d.jpg" % (sys.argv[2], c, i), cv2.IMREAD_GRAYSCALE).astype(int)
        largest = max(largest, np.abs(a - b).max())
        mean.append(np.abs(a - b).mean())
print("largest difference %d levels, mean %.4f levels" % (largest, np.mean(mean)))
PY

for copy in 1 2 3 4; do cp -n "$clip" "$work/copy$copy.mp4"; done
for threads in 1 2; do
  echo "== action4j: four clips, --threads $threads"
  rm -rf "$work/parallel"
  "${launcher[@]}" flow extract "$work"/copy{1,2,3,4}.mp4 --method farneback --threads "$threads" \
      --out "$work/parallel" | tail -1
  echo "   command: ${launcher[*]} flow extract $work/copy{1,2,3,4}.mp4 --method farneback --threads $threads --out DIR"
done
echo "== action4j: four clips, --threads 2, OpenCV's own threads 1 (OPENCV_FOR_THREADS_NUM=1)"
rm -rf "$work/parallel"
OPENCV_FOR_THREADS_NUM=1 "${launcher[@]}" flow extract "$work"/copy{1,2,3,4}.mp4 --method farneback --threads 2 \
    --out "$work/parallel" | tail -1
echo "   command: OPENCV_FOR_THREADS_NUM=1 ${launcher[*]} flow extract $work/copy{1,2,3,4}.mp4 --method farneback --threads 2 --out DIR"
short="$work/clip_340x256_6frames.mp4"
[[ -f "$short" ]] || ffmpeg -v error -f lavfi -i "testsrc2=size=340x256:rate=30" -frames:v 6 -c:v libx264 \
    -preset veryfast -pix_fmt yuv420p -y "$short"
cat > "$work/tvl1.py" <<'PY'
import sys, time, cv2
capture = cv2.VideoCapture(sys.argv[1])
frames = []
while True:
    ok, frame = capture.read()
    if not ok:
        break
    frames.append(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY))
algorithm = cv2.optflow.DualTVL1OpticalFlow_create()
start = time.perf_counter()
for i in range(1, len(frames)):
    algorithm.calc(frames[i - 1], frames[i], None)
seconds = time.perf_counter() - start
print("python3-opencv TV-L1: %d pairs in %.1f s: %.2f pairs/s" % (len(frames) - 1, seconds, (len(frames) - 1) / seconds))
PY
echo "== TV-L1 (OpenCV's defaults) on 6 frames: python3-opencv, then action4j"
/usr/bin/python3 "$work/tvl1.py" "$short"
rm -rf "$work/tvl1"
"${launcher[@]}" flow extract "$short" --method tvl1 --threads 1 --out "$work/tvl1" | tail -1
echo "   commands: /usr/bin/python3 $work/tvl1.py $short; ${launcher[*]} flow extract $short --method tvl1 --out DIR"

long="$work/clip_340x256_60s.mp4"
[[ -f "$long" ]] || ffmpeg -v error -f lavfi -i "testsrc2=size=340x256:rate=30" -t 60 -c:v libx264 \
    -preset veryfast -pix_fmt yuv420p -y "$long"
echo "== action4j: peak resident memory, 10 s clip against 60 s clip (/usr/bin/time -v)"
for video in "$clip" "$long"; do
  rm -rf "$work/memory"
  /usr/bin/time -v "${launcher[@]}" flow extract "$video" --method farneback --threads 1 --out "$work/memory" \
      2> "$work/time.txt" | tail -1
  grep 'Maximum resident set size' "$work/time.txt"
done
echo "   command: /usr/bin/time -v ${launcher[*]} flow extract CLIP --method farneback --threads 1 --out DIR"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
