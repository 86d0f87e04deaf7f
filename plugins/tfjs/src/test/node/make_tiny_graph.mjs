// Writes a tiny TensorFlow.js graph model by hand that uses every op the importer maps (each conv padding
// mode and data format, depthwise, max pools, pads, resizes with each coordinate mapping, SplitV, ConcatV2,
// a reshape whose shape is folded from SparseToDense, ...), with weights stored as float32, int32, float16 and
// uint8, runs it with tfjs on a deterministic input, and writes the model and tfjs's outputs as fixtures:
//   TFJS_HOME=/tmp/tfjsref node make_tiny_graph.mjs OUT_DIR
import fs from 'fs';
import path from 'path';
import { tf, loadGraphModel, random, floats } from './tfjs.mjs';

const out = process.argv[2];
fs.mkdirSync(out, { recursive: true });
const next = random(20240601);

const b64 = s => Buffer.from(s).toString('base64');
const str = s => ({ s: b64(s) });
const ints = values => ({ list: { i: values.map(String) } });
const float = { type: 'DT_FLOAT' };
const nodes = [];
const node = (name, op, input = [], attr = {}) => { nodes.push({ name, op, input, attr: { T: float, ...attr } }); return name; };

// Weights: three groups, one per storage type.
const groups = { fp32: [], fp16: [], uint8: [] };
const weight = (name, shape, dtype, values) => {
  groups.fp32.push({ name, shape, dtype, values });
  nodes.push({ name, op: 'Const', attr: { dtype: { type: dtype === 'int32' ? 'DT_INT32' : 'DT_FLOAT' } } });
  return name;
};
const size = shape => shape.reduce((a, b) => a * b, 1);
const randomFloats = (shape, scale) => Array.from({ length: size(shape) }, () => (next() * 2 - 1) * scale);
const fp32 = (name, shape, scale) => weight(name, shape, 'float32', randomFloats(shape, scale));
const int32 = (name, shape, values) => weight(name, shape, 'int32', values);
// float16 weights are written as random bit patterns (plus zero, -0, a subnormal and the largest half),
// so that the Java decoder meets every kind of number tfjs decodes.
const fp16 = (name, shape) => {
  const bits = Array.from({ length: size(shape) }, () => {
    const sign = next() < 0.5 ? 0x8000 : 0;
    const exponent = 9 + Math.floor(next() * 7); // 2^-6 .. 2^0
    return sign | (exponent << 10) | Math.floor(next() * 1024);
  });
  bits.splice(0, 4, 0x0000, 0x8000, 0x0001, 0x83ff);
  groups.fp16.push({ name, shape, dtype: 'float32', bits });
  nodes.push({ name, op: 'Const', attr: { dtype: { type: 'DT_FLOAT' } } });
  return name;
};
const uint8 = (name, shape, scale, min) => {
  const codes = Array.from({ length: size(shape) }, () => Math.floor(next() * 256));
  groups.uint8.push({ name, shape, dtype: 'float32', codes, scale, min });
  nodes.push({ name, op: 'Const', attr: { dtype: { type: 'DT_FLOAT' } } });
  return name;
};

// The input, NCHW as NanoDet's.
nodes.push({ name: 'input', op: 'Placeholder', attr: { dtype: float, shape: { shape: { dim: [{ size: '1' }, { size: '3' }, { size: '8' }, { size: '8' }] } } } });
const nhwc = int32('perm_nhwc', [4], [0, 2, 3, 1]);
const nchw = int32('perm_nchw', [4], [0, 3, 1, 2]);

// Pad (NCHW) -> NHWC -> Conv2D VALID (float16 filter) -> BiasAdd (uint8 bias) -> LeakyRelu.
const padded = node('pad', 'Pad', ['input', int32('pad_sides', [4, 2], [0, 0, 0, 0, 1, 1, 1, 1])], { Tpaddings: { type: 'DT_INT32' } });
const x = node('to_nhwc', 'Transpose', [padded, nhwc]);
const conv1 = node('conv_valid', 'Conv2D', [x, fp16('w1', [3, 3, 3, 4])], { padding: str('VALID'), data_format: str('NHWC'), strides: ints([1, 1, 1, 1]), dilations: ints([1, 1, 1, 1]) });
const biased = node('bias', 'BiasAdd', [conv1, uint8('b1', [4], 0.01, -1.2)], { data_format: str('NHWC') });
const a = node('leaky', 'LeakyRelu', [biased], { alpha: { f: 0.1 } });

// Conv2D SAME stride 2 (TensorFlow puts the odd padding row at the bottom) -> Relu.
const b = node('relu', 'Relu', [node('conv_same', 'Conv2D', [a, fp32('w2', [3, 3, 4, 4], 0.5)], { padding: str('SAME'), data_format: str('NHWC'), strides: ints([1, 2, 2, 1]), dilations: ints([1, 1, 1, 1]) })]);
// Conv2D EXPLICIT, unequal sides, dilation 2.
const c = node('conv_explicit', 'Conv2D', [a, fp32('w3', [2, 2, 4, 2], 0.5)], { padding: str('EXPLICIT'), explicit_paddings: ints([0, 0, 1, 2, 0, 1, 0, 0]), data_format: str('NHWC'), strides: ints([1, 1, 1, 1]), dilations: ints([1, 2, 2, 1]) });
// Conv2D EXPLICIT, equal sides, stride 2.
const c2 = node('conv_explicit_even', 'Conv2D', [a, fp32('w3b', [3, 3, 4, 3], 0.5)], { padding: str('EXPLICIT'), explicit_paddings: ints([0, 0, 1, 1, 2, 2, 0, 0]), data_format: str('NHWC'), strides: ints([1, 2, 2, 1]), dilations: ints([1, 1, 1, 1]) });
// DepthwiseConv2dNative SAME, channel multiplier 2.
const d = node('depthwise', 'DepthwiseConv2dNative', [a, fp32('w4', [3, 3, 4, 2], 0.5)], { padding: str('SAME'), data_format: str('NHWC'), strides: ints([1, 1, 1, 1]), dilations: ints([1, 1, 1, 1]) });
// Conv2D in NCHW, 1x1, on the stride-2 features.
const bNchw = node('b_nchw', 'Transpose', [b, nchw]);
const e = node('conv_nchw', 'Conv2D', [bNchw, fp32('w5', [1, 1, 4, 5], 0.5)], { padding: str('VALID'), data_format: str('NCHW'), strides: ints([1, 1, 1, 1]), dilations: ints([1, 1, 1, 1]) });
// Max pools: VALID, SAME, and PadV2 with -inf then VALID (NanoDet's stem).
const poolValid = node('pool_valid', 'MaxPool', [a], { ksize: ints([1, 3, 3, 1]), strides: ints([1, 2, 2, 1]), padding: str('VALID'), data_format: str('NHWC') });
const poolSame = node('pool_same', 'MaxPool', [a], { ksize: ints([1, 3, 3, 1]), strides: ints([1, 2, 2, 1]), padding: str('SAME'), data_format: str('NHWC') });
const padInf = node('pad_inf', 'PadV2', [a, int32('pad_inf_sides', [4, 2], [0, 0, 1, 1, 1, 1, 0, 0]), fp32('minus_inf', [], 0)], { Tpaddings: { type: 'DT_INT32' } });
groups.fp32.find(w => w.name === 'minus_inf').values = [-Infinity];
const poolPadded = node('pool_padded', 'MaxPool', [padInf], { ksize: ints([1, 3, 3, 1]), strides: ints([1, 2, 2, 1]), padding: str('VALID'), data_format: str('NHWC') });
// ResizeBilinear with each coordinate mapping.
const upHalf = node('resize_half_pixel', 'ResizeBilinear', [b, int32('size_8x8', [2], [8, 8])], { align_corners: { b: false }, half_pixel_centers: { b: true } });
const upAlign = node('resize_align', 'ResizeBilinear', [b, int32('size_6x7', [2], [6, 7])], { align_corners: { b: true }, half_pixel_centers: { b: false } });
const downLegacy = node('resize_legacy', 'ResizeBilinear', [a, int32('size_3x5', [2], [3, 5])], { align_corners: { b: false }, half_pixel_centers: { b: false } });
// ConcatV2 (negative axis), Add with broadcasting, AddV2.
const cat = node('concat', 'ConcatV2', [upHalf, a, int32('axis_last', [], [-1])], { N: { i: '2' }, Tidx: { type: 'DT_INT32' } });
const sum = node('add_broadcast', 'Add', [cat, fp32('offset', [8], 0.3)]);
const sum2 = node('addv2', 'AddV2', [sum, d]);
// Reshape to [1, 8, -1] where the shape is [1, 8, -1] + SparseToDense(no indices) folded from constants.
int32('sp_indices', [0, 1], []);
int32('sp_shape', [1], [3]);
int32('sp_values', [0], []);
int32('sp_default', [], [0]);
nodes.push({ name: 'sparse', op: 'SparseToDense', input: ['sp_indices', 'sp_shape', 'sp_values', 'sp_default'], attr: { T: { type: 'DT_INT32' }, Tindices: { type: 'DT_INT32' }, validate_indices: { b: true } } });
nodes.push({ name: 'shape', op: 'AddV2', input: [int32('shape_base', [3], [1, 8, -1]), 'sparse'], attr: { T: { type: 'DT_INT32' } } });
const flat = node('reshape', 'Reshape', [node('sum_nchw', 'Transpose', [sum2, nchw]), 'shape'], { Tshape: { type: 'DT_INT32' } });
const cells = node('cells', 'Transpose', [flat, int32('perm_021', [3], [0, 2, 1])]);
// SplitV into 5 + rest (-1), Sigmoid on the first piece.
nodes.push({ name: 'split', op: 'SplitV', input: [cells, int32('split_sizes', [2], [5, -1]), int32('split_axis', [], [2])], attr: { T: float, Tlen: { type: 'DT_INT32' }, num_split: { i: '2' } } });
const scores = node('scores', 'Sigmoid', ['split']);

// NanoDet's converter pattern: NHWC values transposed to NCHW, a channel bias, activation, concatenation,
// padding and a sum in NCHW, then back to NHWC for a convolution (the importer keeps such transposes pending).
const aNchw = node('a_nchw', 'Transpose', [a, nchw]);
const dNchw = node('d_nchw', 'Transpose', [d, nchw]);
const biasedNchw = node('bias_nchw', 'Add', [aNchw, fp32('bias_c11', [4, 1, 1], 0.5)]);
const catNchw = node('concat_nchw', 'ConcatV2', [node('leaky_nchw', 'LeakyRelu', [biasedNchw], { alpha: { f: 0.2 } }), dNchw, int32('axis_channels', [], [1])], { N: { i: '2' }, Tidx: { type: 'DT_INT32' } });
const doubled = node('doubled_nchw', 'AddV2', [catNchw, catNchw]);
const paddedNchw = node('pad_nchw', 'Pad', [doubled, int32('pad_nchw_sides', [4, 2], [0, 0, 0, 0, 1, 0, 0, 2])], { Tpaddings: { type: 'DT_INT32' } });
const back = node('back_to_nhwc', 'Transpose', [paddedNchw, nhwc]);
const layoutOut = node('conv_after_layouts', 'Conv2D', [back, fp32('w6', [1, 1, 12, 3], 0.5)], { padding: str('VALID'), data_format: str('NHWC'), strides: ints([1, 1, 1, 1]), dilations: ints([1, 1, 1, 1]) });

const outputs = {
  out_scores: scores, out_rest: 'split:1', out_explicit: c, out_explicit_even: c2, out_nchw: e,
  out_pool_valid: poolValid, out_pool_same: poolSame, out_pool_padded: poolPadded,
  out_resize_align: upAlign, out_resize_legacy: downLegacy, out_layouts: layoutOut, out_layouts_nchw: paddedNchw,
};
for (const [name, source] of Object.entries(outputs)) node(name, 'Identity', [source]);

// Weight shards: float32 and int32 in one group (two shards, split mid-weight), float16 and uint8 in their own.
const manifest = [];
const bytesOf = {
  fp32: w => w.dtype === 'int32' ? Buffer.from(new Int32Array(w.values).buffer) : Buffer.from(new Float32Array(w.values).buffer),
  fp16: w => Buffer.from(new Uint16Array(w.bits).buffer),
  uint8: w => Buffer.from(new Uint8Array(w.codes).buffer),
};
for (const [storage, weights] of Object.entries(groups)) {
  const data = Buffer.concat(weights.map(bytesOf[storage]));
  const specs = weights.map(w => ({ name: w.name, shape: w.shape, dtype: w.dtype,
    ...(storage === 'fp16' ? { quantization: { dtype: 'float16', original_dtype: 'float32' } } : {}),
    ...(storage === 'uint8' ? { quantization: { dtype: 'uint8', scale: w.scale, min: w.min, original_dtype: 'float32' } } : {}) }));
  const paths = storage === 'fp32' ? ['fp32-shard1of2.bin', 'fp32-shard2of2.bin'] : [`${storage}-shard1of1.bin`];
  if (paths.length === 2) {
    const half = Math.floor(data.length / 2) + 1; // cut inside a weight
    fs.writeFileSync(path.join(out, paths[0]), data.subarray(0, half));
    fs.writeFileSync(path.join(out, paths[1]), data.subarray(half));
  } else {
    fs.writeFileSync(path.join(out, paths[0]), data);
  }
  manifest.push({ paths, weights: specs });
}
const signatureOutputs = Object.fromEntries(Object.keys(outputs).map(n => [`${n}:0`, { name: `${n}:0`, dtype: 'DT_FLOAT' }]));
const modelJson = {
  format: 'graph-model', generatedBy: 'make_tiny_graph.mjs', convertedBy: 'hand',
  signature: { inputs: { 'input:0': { name: 'input:0', dtype: 'DT_FLOAT' } }, outputs: signatureOutputs },
  modelTopology: { node: nodes, library: {}, versions: {} },
  weightsManifest: manifest,
};
fs.writeFileSync(path.join(out, 'model.json'), JSON.stringify(modelJson, null, 1));

// tfjs's outputs on a deterministic input.
const model = await loadGraphModel(path.join(out, 'model.json'));
const input = Array.from({ length: 3 * 8 * 8 }, () => next() * 2 - 1);
const results = model.execute({ 'input': tf.tensor4d(input, [1, 3, 8, 8]) }, Object.values(outputs).map(s => s));
const expected = { tfjs: tf.version.tfjs, input: { shape: [1, 3, 8, 8], values: floats(input) }, outputs: {} };
Object.keys(outputs).forEach((name, i) => {
  expected.outputs[name] = { shape: results[i].shape, values: floats(results[i].dataSync()) };
});
fs.writeFileSync(path.join(out, 'expected.json'), JSON.stringify(expected));
console.log('wrote', out, Object.entries(expected.outputs).map(([n, o]) => `${n}${JSON.stringify(o.shape)}`).join(' '));
