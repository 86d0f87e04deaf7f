// How the two candidate normalizations fare on real footage (the README's "Preprocessing" evidence): NanoDet's
// training one (BGR, (x - mean) / std) and human's nanodet.ts one (RGB / 255), both after the same stretch to
// 416x416, on frames of OpenCV's vtest.avi (768x576 pedestrians, Debian opencv-doc) decoded by the ffmpeg CLI.
// Prints, per frame, the people found (score > 0.3, NMS 0.5) and their mean score.
//   TFJS_HOME=/tmp/action4j-tfjsref node compare_normalizations.mjs MODELS_DIR [VIDEO]
import { execFileSync } from 'child_process';
import path from 'path';
import { tf, loadGraphModel } from './tfjs.mjs';

const [models, video = '/usr/share/doc/opencv-doc/examples/data/vtest.avi'] = process.argv.slice(2);
const [W, H, SIZE] = [768, 576, 416];
const model = await loadGraphModel(path.join(models, 'nanodet.json'));
const normalizations = {
  nanodet: r => tf.div(tf.sub(tf.reverse(r, 3), [103.53, 116.28, 123.675]), [57.375, 57.12, 58.395]),
  human: r => tf.div(r, 255),
};

function persons(outputs, threshold) {
  const found = [];
  for (const stride of [8, 16, 32]) {
    const side = SIZE / stride, cells = side * side;
    const scores = outputs.find(o => o.shape[1] === cells && o.shape[2] === 80).dataSync();
    const boxes = outputs.find(o => o.shape[1] === cells && o.shape[2] === 44).dataSync();
    for (let i = 0; i < cells; i++) {
      if (!(scores[i * 80] > threshold)) continue;
      const cx = (i % side + 0.5) * stride, cy = (Math.floor(i / side) + 0.5) * stride;
      const d = [0, 1, 2, 3].map(s => {
        const l = Array.from({ length: 11 }, (_, b) => boxes[i * 44 + s * 11 + b]);
        const m = Math.max(...l), w = l.map(v => Math.exp(v - m)), z = w.reduce((a, v) => a + v, 0);
        return w.reduce((a, v, b) => a + v * b, 0) / z * stride;
      });
      found.push({ score: scores[i * 80], box: [cx - d[0], cy - d[1], cx + d[2], cy + d[3]] });
    }
  }
  found.sort((a, b) => b.score - a.score);
  const iou = (a, b) => {
    const w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])), h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
    return w * h / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - w * h);
  };
  const kept = [];
  for (const f of found) if (kept.every(k => iou(k.box, f.box) <= 0.5)) kept.push(f);
  return kept;
}

for (const n of [50, 100, 150, 250, 350, 450, 550, 650, 750]) {
  const rgb = execFileSync('ffmpeg', ['-loglevel', 'error', '-i', video, '-vf', `select=eq(n\\,${n})`, '-frames:v', '1',
    '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: W * H * 3 + 1 });
  const resized = tf.image.resizeBilinear(tf.tensor4d(Float32Array.from(rgb), [1, H, W, 3]), [SIZE, SIZE], false, false);
  const line = Object.entries(normalizations).map(([name, normalize]) => {
    const people = persons(model.execute(tf.transpose(normalize(resized), [0, 3, 1, 2])), 0.3);
    const mean = people.reduce((a, p) => a + p.score, 0) / Math.max(1, people.length);
    return `${name}: ${people.length} people, mean score ${mean.toFixed(3)}`;
  });
  console.log(`frame ${n}: ${line.join(' | ')}`);
}
