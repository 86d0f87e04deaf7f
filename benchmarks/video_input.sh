#!/usr/bin/env bash
# Video input benchmark (issue 3): decode throughput against the ffmpeg CLI, sparse sampling against
# decoding everything, and resident memory while streaming a long video.
#   benchmarks/video_input.sh [WORK_DIR] [THREADS]
# Needs the Debian ffmpeg CLI (apt install ffmpeg) to make the test videos and as the peer.
# Videos: 340x256, 30 fps, H.264 (x264, default keyframe interval 250 as ffmpeg-resized datasets have):
# 10 minutes for throughput and sparse sampling, 1 hour for memory.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-/tmp/action4j-bench}"
threads="${2:-1}"
mkdir -p "$work"

make_video() { # seconds preset file
  [[ -f "$3" ]] || ffmpeg -v error -f lavfi -i "testsrc2=size=340x256:rate=30" -t "$1" \
      -c:v libx264 -preset "$2" -pix_fmt yuv420p -y "$3"
}
make_video 600 veryfast "$work/ten_minutes.mp4"
make_video 3600 ultrafast "$work/one_hour.mp4"

echo "== ffmpeg CLI: decode to rgb24, $threads thread(s)"
for run in 1 2 3; do
  /usr/bin/time -f "%e s" ffmpeg -v error -threads "$threads" -i "$work/ten_minutes.mp4" \
      -f rawvideo -pix_fmt rgb24 -y /dev/null
done 2>&1
echo "   command: ffmpeg -v error -threads $threads -i $work/ten_minutes.mp4 -f rawvideo -pix_fmt rgb24 -y /dev/null"

echo "== action4j: decode to RGB, sparse sampling"
cmd=("$root/action4j" video benchmark "$work/ten_minutes.mp4" --reader-option "threads=$threads" --repeat 3)
"${cmd[@]}"
echo "   command: ${cmd[*]}"

echo "== action4j: resident memory while streaming one hour"
cmd=("$root/action4j" video benchmark "$work/one_hour.mp4" --reader-option "threads=$threads" --repeat 1)
"${cmd[@]}"
echo "   command: ${cmd[*]}"
