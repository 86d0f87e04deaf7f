// The same NanoDet-m graph in tfjs (pure-JS CPU backend), timed like NanoDetSpeedTest: preprocessing, graph,
// and reading the outputs back, on vtest.avi's frame 100 (384x288), after a warm-up.
//   TFJS_HOME=/tmp/action4j-tfjsref node nanodet_speed.mjs MODELS_DIR FRAME_RGB [RUNS]
import fs from 'fs';
import path from 'path';
import { tf, loadGraphModel } from './tfjs.mjs';

const [models, framePath, runsArgument] = process.argv.slice(2);
const runs = Number(runsArgument || 5);
const model = await loadGraphModel(path.join(models, 'nanodet.json'));
const rgb = Float32Array.from(new Uint8Array(fs.readFileSync(framePath)));

function detect() {
  tf.tidy(() => {
    const image = tf.tensor4d(rgb, [1, 288, 384, 3]);
    const resized = tf.image.resizeBilinear(image, [416, 416], false, false);
    const input = tf.transpose(tf.div(tf.sub(tf.reverse(resized, 3), [103.53, 116.28, 123.675]),
      [57.375, 57.12, 58.395]), [0, 3, 1, 2]);
    model.execute(input).forEach(output => output.dataSync());
  });
}

detect();
const millis = [];
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  detect();
  millis.push(Number(process.hrtime.bigint() - start) / 1e6);
}
millis.sort((a, b) => a - b);
const median = millis[Math.floor(runs / 2)];
console.log(`tfjs ${tf.version.tfjs} (${tf.getBackend()} backend, pure JS): 1 warm-up + ${runs} runs, median ${median.toFixed(1)} ms `
  + `(min ${millis[0].toFixed(1)}, max ${millis[runs - 1].toFixed(1)}) = ${(1000 / median).toFixed(2)} frames/s`);
