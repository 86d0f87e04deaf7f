// Loads @tensorflow/tfjs (pure-JS CPU backend) from the folder where make_fixtures.sh installed it
// (TFJS_HOME), so that nothing of npm lands in the repository.
import { createRequire } from 'module';
import path from 'path';
import fs from 'fs';

const home = process.env.TFJS_HOME;
if (!home) {
  throw new Error('TFJS_HOME must name the folder where package.json\'s @tensorflow/tfjs is installed');
}
const require = createRequire(path.join(path.resolve(home), 'package.json'));
export const tf = require('@tensorflow/tfjs');
await tf.setBackend('cpu');

/** A graph model from model.json and its shards on disk (tfjs's own file loader needs tfjs-node). */
export async function loadGraphModel(modelJson) {
  const json = JSON.parse(fs.readFileSync(modelJson, 'utf8'));
  const folder = path.dirname(modelJson);
  const buffers = json.weightsManifest.flatMap(group => group.paths.map(p => fs.readFileSync(path.join(folder, p))));
  const data = Buffer.concat(buffers);
  return tf.loadGraphModel({
    load: async () => ({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap(group => group.weights),
      weightData: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
      format: json.format,
      signature: json.signature,
    }),
  });
}

/** Deterministic numbers in [0, 1) (mulberry32), the same on every machine. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rounds to float32 and lists the values, for JSON fixtures. */
export function floats(typedArray) {
  return Array.from(typedArray, v => Math.fround(v));
}
