#!/usr/bin/env bash
# Reference per-frame checksums of the fixture videos, from the Debian ffmpeg CLI (an independent
# decoder build): every frame converted to packed RGB24, hashed with MD5 (ffmpeg's framemd5 muxer).
# The tests decode the same files with action4j's FFmpeg reader and compare frame by frame.
#   Run from this folder:  ./make_frame_md5.sh ../../../../../../../shared/fixtures/mmaction2
# Needs: ffmpeg (apt install ffmpeg). Written with ffmpeg 5.1.
set -euo pipefail
fixtures="${1:?path to shared/fixtures/mmaction2}"
for video in tests/data/test.mp4 tests/data/test.avi; do
  out="$(basename "$video" | tr . _).framemd5"
  ffmpeg -v error -i "$fixtures/$video" -map 0:v:0 -f framemd5 -pix_fmt rgb24 - \
    | grep -v '^#' > "$out"
  echo "$out: $(wc -l < "$out") frames"
done

# test.avi cut after 150,000 bytes (as BadVideoInputTest cuts it): the frames the CLI decodes up to the cut.
cut="$(mktemp --suffix=.avi)"
head -c 150000 "$fixtures/tests/data/test.avi" > "$cut"
ffmpeg -v error -i "$cut" -map 0:v:0 -f framemd5 -pix_fmt rgb24 - 2>/dev/null | grep -v '^#' > test_avi_cut150000.framemd5 || true
rm -f "$cut"
echo "test_avi_cut150000.framemd5: $(wc -l < test_avi_cut150000.framemd5) frames"
