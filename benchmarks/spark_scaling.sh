#!/usr/bin/env bash
# Spark scaling: recognition over the same synthetic videos by the single-machine command and by the Spark
# application in local-cluster mode with 1 and 2 executor JVMs (1 core each, so ND4J runs 1 thread per executor,
# as Spark sets OMP_NUM_THREADS to spark.task.cpus), each a cold run timed end to end (JVM start, model build,
# decoding, inference, writing). The Spark runs use the assembly jar (-Pspark-assembly) on Spark's own jars, as
# spark-submit would.
#   benchmarks/spark_scaling.sh [VIDEOS_PER_CLASS] [FRAMES] [SIZE] [CONFIG [CHECKPOINT]]
# The default model is the built-in one (tiny: the run is then mostly start-up); a full-size config such as
# configs/recognition/resnet3d/r3d-18_kinetics400.yaml with no checkpoint (seeded weights) gives the model's cost.
# ND4J's threads spin-wait: run it on an otherwise idle machine (the load average is printed).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
per_class="${1:-8}"
frames="${2:-64}"
size="${3:-128x128}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"

grep -m1 'model name' /proc/cpuinfo
echo "cores: $(nproc), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

jar="$(ls spark/target/action4j-spark-*-assembly.jar 2>/dev/null | head -1 || true)"
if [[ -z "$jar" ]]; then
  mvn -B -q -pl spark -am package -Pspark-assembly -DskipTests
  jar="$(ls spark/target/action4j-spark-*-assembly.jar | head -1)"
fi
jar="$root/$jar"   # executors start in folders of their own
# Spark's jars, as a Spark installation has them: the spark-sql artifact and its dependencies.
mkdir -p "$work/spark" && cat > "$work/spark/pom.xml" <<'POM'
<project><modelVersion>4.0.0</modelVersion><groupId>local</groupId><artifactId>spark-jars</artifactId><version>1</version>
<dependencies><dependency><groupId>org.apache.spark</groupId><artifactId>spark-sql_2.13</artifactId>
<version>3.5.9</version></dependency></dependencies></project>
POM
(cd "$work/spark" && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/spark.cp" >/dev/null)
spark_cp="$(cat "$work/spark.cp")"

./action4j synth --out "$work/data" --frames "$frames" --size "$size" --train-per-class "$per_class" \
    --val-per-class 0 --test-per-class 0 > /dev/null
videos=("$work"/data/videos/*/*.mp4)
count=${#videos[@]}
config="${4:-configs/recognition/synth/r3d-small_synth.yaml}"
checkpoint="${5:-}"
if [[ -z "${4:-}" ]]; then
  checkpoint=launcher/src/main/resources/io/action4j/launcher/demo/r3d-small_synth.safetensors
fi
weights=()
[[ -n "$checkpoint" ]] && weights=(--checkpoint "$checkpoint")
# Another model scores the synthetic videos' 9 classes (seeded weights: the timing is what counts).
[[ -n "${4:-}" ]] && weights+=(--set model.clsHead.numClasses=9)
labels="$work/data/classes.txt"
echo "videos: $count synthetic, $frames frames of $size; model: $config"

seconds() { awk -v s="$1" -v e="$(date +%s%N)" 'BEGIN { printf "%.2f", (e - s) / 1e9 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

start=$(date +%s%N)
./action4j recognize --config "$config" "${weights[@]}" --labels "$labels" "${videos[@]}" > /dev/null 2>&1
single=$(seconds "$start")
echo "single machine: ./action4j recognize (one JVM, 2 ND4J threads): $single s, $(ratio "$count" "$single") videos/s"

opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
# local-cluster mode starts executors from a Spark home; this fake one has no jars (the class path is given).
mkdir -p "$work/spark-home/launcher/target/scala-2.13" "$work/spark-home/assembly/target/scala-2.13/jars"
for executors in 1 2; do
  rm -rf "$work/out"
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java $opens -Xmx1g -Dspark.master="local-cluster[$executors,1,1536]" -Dspark.testing=true \
      -Dspark.test.home="$work/spark-home" -Dspark.ui.enabled=false -Dspark.driver.host=127.0.0.1 \
      -Dspark.executor.extraClassPath="$jar:$spark_cp" -cp "$jar:$spark_cp" io.action4j.spark.SparkApp \
      recognize "$work/data/videos" --config "$config" "${weights[@]}" --labels "$labels" \
      --partitions $((executors * 2)) --out "$work/out" 2> "$work/spark.log" | tail -1 \
      || { echo "the Spark run failed:"; grep -E "Exception|Error|error" "$work/spark.log" | head -20; exit 1; }
  took=$(seconds "$start")
  echo "spark local-cluster[$executors,1,1536] ($executors executor JVM(s) x 1 core): $took s," \
      "$(ratio "$count" "$took") videos/s, $(ratio "$took" "$single")x the single machine's time"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
