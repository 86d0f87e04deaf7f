#!/usr/bin/env bash
# action4j side by side with ONNX Runtime on this machine, interleaved as docs/performance.md measures it:
# for each round, model and batch, ../shared/perf/peer_bench.sh (ORT only, a fresh JVM) and then
# ./action4j benchmark (a fresh JVM) run one after the other. Prints the CPU, the ND4J build and a Markdown
# table: medians over the rounds and each round's ratio. Run it on a machine left to itself.
#
#   benchmarks/peers_side_by_side.sh [ROUNDS]                    # default 3 rounds, every model, batch 1 and 4
#   MODELS="r2plus1d_18 s3d" BATCHES=1 benchmarks/peers_side_by_side.sh 1
#
# Environment: MODELS (r3d_18 mc3_18 r2plus1d_18 s3d), BATCHES (1 4), WARMUP (3), RUNS (10), PERF_DIR
# (/tmp/perf, peer_bench.sh's cache), SHARED (../shared). The peer harness needs Debian's python3-torch,
# python3-torchvision and python3-onnx to export its models once (see ../shared/perf/README.md).
# ACTION4J_ND4J_BUILD and DNNL_MAX_CPU_ISA pass through to action4j (e.g. AVX2 kernels on an AVX-512 CPU).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"
models="${MODELS:-r3d_18 mc3_18 r2plus1d_18 s3d}"
batches="${BATCHES:-1 4}"
warmup="${WARMUP:-3}"
runs="${RUNS:-10}"
shared="${SHARED:-$root/../shared}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

config_of() {
  case "$1" in
    r3d_18) echo "configs/recognition/resnet3d/r3d-18_kinetics400.yaml 1x3x16x112x112" ;;
    mc3_18) echo "configs/recognition/resnet3d/mc3-18_kinetics400.yaml 1x3x16x112x112" ;;
    r2plus1d_18) echo "configs/recognition/resnet3d/r2plus1d-18_kinetics400.yaml 1x3x16x112x112" ;;
    s3d) echo "configs/recognition/s3d/s3d_kinetics400.yaml 1x3x16x224x224" ;;
    *) echo "unknown model '$1' (r3d_18, mc3_18, r2plus1d_18, s3d)" >&2; exit 2 ;;
  esac
}

for model in $models; do config_of "$model" > /dev/null; done
cpu_field() { grep -m1 "^$1\s*:" /proc/cpuinfo | sed 's/^[^:]*: //'; }
echo "CPU: $(cpu_field 'model name'), family $(cpu_field 'cpu family') model $(cpu_field 'model'), $(nproc) cores"
echo "CPU features: $(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -xE 'avx2|fma|avx512f|avx512bw|avx512dq|avx512vl|avx512_vnni|avx512_bf16' | tr '\n' ' ')"

for round in $(seq 1 "$rounds"); do
  for model in $models; do
    read -r config input < <(config_of "$model")
    for batch in $batches; do
      echo "round $round: $model batch $batch" >&2
      MODELS="$model" BATCHES="$batch" PEAK=0 PEERS=ort WARMUP="$warmup" RUNS="$runs" \
        "$shared/perf/peer_bench.sh" > "$work/ort.jsonl"
      ort=$(/usr/bin/python3 -c '
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line) if line.startswith("{") else {}
    if r.get("kind") == "model" and "ort" in r:
        print(r["ort"]["ms_median"])' "$work/ort.jsonl")
      (cd "$root" && ./action4j benchmark "$config" --input "$input" --batch "$batch" --warmup "$warmup" \
        --iterations "$runs") > "$work/action4j.txt"
      ours=$(sed -n 's/^latency: median \([0-9.]*\) ms.*/\1/p' "$work/action4j.txt")
      build=$(sed -n 's/^build: //p' "$work/action4j.txt")
      if [[ -z "$ort" || -z "$ours" ]]; then
        echo "round $round, $model batch $batch: no figure (ORT: '${ort}', action4j: '${ours}'); logs under ${PERF_DIR:-/tmp/perf}/logs" >&2
        exit 1
      fi
      echo "$model $batch $round $ort $ours" >> "$work/rows"
    done
  done
done

echo "ND4J build: $build"
echo "rounds: $rounds, each a fresh process; $warmup warm-up and $runs timed calls; ONNX Runtime from ../shared/perf/peer_bench.sh"
/usr/bin/python3 - "$work/rows" <<'PYEOF'
import collections, statistics, sys
rows = collections.OrderedDict()
for line in open(sys.argv[1]):
    model, batch, _, ort, ours = line.split()
    rows.setdefault((model, int(batch)), []).append((float(ort), float(ours)))
print("| model, batch | ONNX Runtime | action4j | action4j / ONNX Runtime (rounds) |")
print("| --- | --- | --- | --- |")
for (model, batch), runs in rows.items():
    ort = statistics.median(r[0] for r in runs)
    ours = statistics.median(r[1] for r in runs)
    ratios = ", ".join(f"{r[1] / r[0]:.2f}" for r in runs)
    print(f"| {model}, {batch} | {ort:,.0f} ms | {ours:,.0f} ms | **{ours / ort:.2f}** ({ratios}) |")
PYEOF
