#!/usr/bin/env bash
# Small videos in more containers and codecs than the shared fixtures have (those are H.264 MP4 and
# MPEG-4 AVI): VP9 in WebM and H.264 in Matroska, 24 frames of ffmpeg's testsrc2 at 64x48, 12 fps,
# plus the Debian ffmpeg CLI's per-frame RGB24 MD5s as the reference. Run from this folder:
#   ./make_videos.sh      (needs: apt install ffmpeg; written with ffmpeg 5.1)
set -euo pipefail
src=(-f lavfi -i "testsrc2=size=64x48:rate=12" -frames:v 24 -pix_fmt yuv420p)
ffmpeg -v error "${src[@]}" -c:v libvpx-vp9 -b:v 200k -y testsrc_vp9.webm
ffmpeg -v error "${src[@]}" -c:v libx264 -preset veryfast -g 8 -y testsrc_h264.mkv
for video in testsrc_vp9.webm testsrc_h264.mkv; do
  ffmpeg -v error -i "$video" -map 0:v:0 -f framemd5 -pix_fmt rgb24 - | grep -v '^#' > "${video%.*}.framemd5"
  echo "$video: $(stat -c %s "$video") bytes, $(wc -l < "${video%.*}.framemd5") frames"
done
