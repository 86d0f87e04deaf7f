#!/usr/bin/env python3
"""Writes expected_indices.json: the frame indices MMAction2 v1.2.0 samples.

What it reproduces: the index arithmetic of SampleFrames, DenseSampleFrames,
UntrimmedSampleFrames and SampleAVAFrames as written in MMAction2 v1.2.0
(open-mmlab/mmaction2, tag v1.2.0, commit 4d6c934,
mmaction/datasets/transforms/loading.py), re-implemented here with the same
numpy operations (floor division, np.around / np.round = half to even, float
offsets truncated by astype(np.int32), np.mod, np.clip, np.linspace with an
integer dtype). target_fps is not covered.

numpy's random stream cannot be matched from Java, so every random call is
replaced by a scripted source: randint(high) -> next_int(high),
randint(low, high) -> low + next_int(high - low), uniform(0, a) ->
a * next_double(). Each case stores the scripted values ("ints", "doubles")
and the bounds asked for ("intBounds"); the Java test feeds the same values
through a fake RandomGenerator ("fixed shift") and compares exactly.

The sliding_windows cases are action4j's own sampler (no MMAction2
counterpart); they follow SlidingWindowsConfig's javadoc.

Rerun (python3 with numpy), from the repository root:
    python3 plugins/sampling/src/test/resources/generate_expected_indices.py
"""
import json
import os

import numpy as np


class ScriptedRandom:
    """Returns given values in order, recording the bounds asked for."""

    def __init__(self, ints=(), doubles=()):
        self.ints, self.doubles = list(ints), list(doubles)
        self.bounds = []
        self.int_pos = self.double_pos = 0

    def next_int(self, bound):
        value = self.ints[self.int_pos]
        assert 0 <= value < bound, (value, bound)
        self.int_pos += 1
        self.bounds.append(bound)
        return value

    def next_double(self):
        value = self.doubles[self.double_pos]
        assert 0.0 <= value < 1.0
        self.double_pos += 1
        return value

    # numpy's calls, as used by loading.py
    def randint(self, low, high=None, size=None):
        if high is None:
            low, high = 0, low
        values = [low + self.next_int(high - low) for _ in range(size or 1)]
        return np.array(values) if size is not None else values[0]

    def uniform(self, low, high, size):
        return np.array([low + (high - low) * self.next_double() for _ in range(size)])

    def check_consumed(self):
        assert self.int_pos == len(self.ints), 'unused ints'
        assert self.double_pos == len(self.doubles), 'unused doubles'


# ---- SampleFrames -----------------------------------------------------------

def sf_train_offsets(p, n_frames, ori, rng):
    n = p['numClips']
    if p['keepTailFrames']:
        avg = (n_frames - ori + 1) / float(n)
        if n_frames > ori - 1:
            base = np.arange(n) * avg
            return (base + rng.uniform(0, avg, n)).astype(np.int32)
        return np.zeros((n,), dtype=np.int32)
    avg = (n_frames - ori + 1) // n
    if avg > 0:
        return np.arange(n) * avg + rng.randint(avg, size=n)
    if n_frames > max(n, ori):
        return np.sort(rng.randint(n_frames - ori + 1, size=n))
    if avg == 0:
        ratio = (n_frames - ori + 1.0) / n
        return np.around(np.arange(n) * ratio)
    return np.zeros((n,), dtype=np.int32)


def sf_test_offsets(p, n_frames, ori):
    n = p['numClips']
    if p['clipLen'] == 1:  # 2D: float offsets, truncated at the very end
        avg = n_frames / float(n)
        base = np.arange(n) * avg
        offsets = base + avg / 2.0
        if p['twiceSample']:
            offsets = np.concatenate([offsets, base])
        return offsets
    max_offset = max(n_frames - ori, 0)
    sampled = n * 2 if p['twiceSample'] else n
    if sampled > 1:
        between = max_offset / float(n - 1)  # ZeroDivisionError for twice_sample with one clip
        return np.round(np.arange(sampled) * between)
    return np.array([max_offset // 2])


def to_frames(p, offsets, n_frames, start_index, rng):
    """Offsets -> frames: jitter, out-of-bound handling, start index, int32."""
    inds = offsets[:, None] + np.arange(p['clipLen'])[None, :] * p['frameInterval']
    inds = np.concatenate(inds)
    if p['temporalJitter']:
        inds = inds + rng.randint(p['frameInterval'], size=len(inds))
    inds = inds.reshape((-1, p['clipLen']))
    if p['outOfBoundOpt'] == 'loop':
        inds = np.mod(inds, n_frames)
    else:
        safe = inds < n_frames
        last = np.max(safe * inds, axis=1)
        inds = safe * inds + ((1 - safe).T * last).T
    return (np.concatenate(inds) + start_index).astype(np.int32), inds.shape[0]


def sample_frames(p, n_frames, start_index, keyframe, rng):
    if p['testMode']:
        ori = (p['clipLen'] - 1) * p['frameInterval'] + 1
        offsets = sf_test_offsets(p, n_frames, ori)
    else:
        ori = p['clipLen'] * p['frameInterval']
        offsets = sf_train_offsets(p, n_frames, ori, rng)
    return to_frames(p, offsets, n_frames, start_index, rng)


# ---- DenseSampleFrames ------------------------------------------------------

def dense_sample_frames(p, n_frames, start_index, keyframe, rng):
    n = p['numClips']
    positions = max(1, 1 + n_frames - p['sampleRange'])
    interval = p['sampleRange'] // n
    base = np.arange(n) * interval
    if p['testMode']:
        starts = np.linspace(0, positions - 1, num=p['numSamplePositions'], dtype=int)
        offsets = np.array([o for s in starts for o in (base + s) % n_frames])
    else:
        start = 0 if positions == 1 else rng.randint(0, positions - 1)
        offsets = (base + start) % n_frames
    return to_frames(p, offsets, n_frames, start_index, rng)


# ---- UntrimmedSampleFrames --------------------------------------------------

def untrimmed_sample_frames(p, n_frames, start_index, keyframe, rng):
    cl, ci, fi = p['clipLen'], p['clipInterval'], p['frameInterval']
    centers = np.arange(ci // 2, n_frames, ci)
    inds = centers[:, None] + np.arange(-(cl // 2 * fi), fi * (cl - cl // 2), fi)[None, :]
    inds = np.clip(inds, 0, n_frames - 1)
    return (np.concatenate(inds) + start_index).astype(np.int32), centers.shape[0]


# ---- SampleAVAFrames --------------------------------------------------------

def sample_ava_frames(p, n_frames, start_index, keyframe, rng):
    cl, fi = p['clipLen'], p['frameInterval']
    # keyframe = fps * (timestamp - timestamp_start); MMAction2 adds start_index here...
    center = keyframe + start_index
    skips = rng.randint(-fi // 2, (fi + 1) // 2, size=cl)  # drawn even in test mode
    inds = list(range(center - (cl // 2) * fi, center + ((cl + 1) // 2) * fi, fi))
    if not p['testMode']:
        inds = inds + skips
    inds = np.clip(inds, 0, n_frames - 1)
    # ...and once more here
    return np.array(inds, dtype=np.int32) + start_index, 1


# ---- sliding_windows (action4j) ---------------------------------------------

def sliding_windows(p, n_frames, start_index, keyframe, rng):
    w, stride, cl, fi = p['windowFrames'], p['strideFrames'], p['clipLen'], p['frameInterval']
    full = (n_frames - w) // stride + 1 if n_frames >= w else 0
    starts = [k * stride for k in range(full)]
    covered_end = (full - 1) * stride + w if full else 0
    tail_start = full * stride
    if covered_end < n_frames and tail_start < n_frames:
        if p['tailWindow'] == 'pad' or full == 0:
            starts.append(tail_start)
        elif p['tailWindow'] == 'shift':
            starts.append(n_frames - w)
    inner = (w - ((cl - 1) * fi + 1)) // 2
    inds = [min(s + inner + j * fi, n_frames - 1) + start_index for s in starts for j in range(cl)]
    return np.array(inds, dtype=np.int32), len(starts)


SAMPLERS = {
    'sample_frames': sample_frames,
    'dense_sample_frames': dense_sample_frames,
    'untrimmed_sample_frames': untrimmed_sample_frames,
    'sample_ava_frames': sample_ava_frames,
    'sliding_windows': sliding_windows,
}

DEFAULTS = {
    'sample_frames': dict(clipLen=1, frameInterval=1, numClips=1, testMode=False, temporalJitter=False,
                          twiceSample=False, outOfBoundOpt='loop', keepTailFrames=False),
    'dense_sample_frames': dict(clipLen=32, frameInterval=1, numClips=1, sampleRange=64, numSamplePositions=10,
                                testMode=False, temporalJitter=False, outOfBoundOpt='loop'),
    'untrimmed_sample_frames': dict(clipLen=1, clipInterval=16, frameInterval=1),
    'sample_ava_frames': dict(clipLen=32, frameInterval=2, testMode=False),
    'sliding_windows': dict(windowFrames=64, strideFrames=32, clipLen=16, frameInterval=4, tailWindow='pad'),
}

CASES = []


def case(name, sampler, total, start=0, keyframe=None, ints=(), doubles=(), **params):
    p = dict(DEFAULTS[sampler])
    unknown = set(params) - set(p)
    assert not unknown, unknown
    p.update(params)
    rng = ScriptedRandom(ints, doubles)
    inds, clips = SAMPLERS[sampler](p, total, start, keyframe, rng)
    rng.check_consumed()
    assert len(inds) == clips * p['clipLen']
    CASES.append({
        'name': name, 'sampler': sampler, 'params': p, 'totalFrames': total, 'startIndex': start,
        'keyframe': keyframe, 'ints': list(ints), 'intBounds': rng.bounds, 'doubles': list(doubles),
        'clipLen': p['clipLen'], 'numClips': int(clips), 'indices': [int(i) for i in inds],
    })


S, D, U, A, W = 'sample_frames', 'dense_sample_frames', 'untrimmed_sample_frames', 'sample_ava_frames', \
    'sliding_windows'

# SampleFrames, test mode, 2D (clip_len 1): float offsets avg/2 + k*avg, truncated at the end
case('tsn test long', S, 300, numClips=8, testMode=True)
case('tsn test avg 2.5 truncated', S, 10, numClips=4, testMode=True)
case('tsn test fewer frames than clips, start 1', S, 7, start=1, numClips=8, testMode=True)
case('tsn test twice_sample', S, 25, start=1, numClips=3, testMode=True, twiceSample=True)
case('tsn test jitter loops past the end', S, 20, numClips=3, frameInterval=4, testMode=True,
     temporalJitter=True, ints=[3, 2, 1])
case('tsn test jitter repeat_last', S, 20, numClips=3, frameInterval=4, testMode=True,
     temporalJitter=True, outOfBoundOpt='repeat_last', ints=[0, 1, 3])
# SampleFrames, test mode, 3D: round(k * max_offset / (n-1)), one clip: max_offset // 2
case('3d test one clip', S, 300, clipLen=32, frameInterval=2, testMode=True)
case('3d test one clip odd slack, start 1', S, 100, start=1, clipLen=8, frameInterval=4, testMode=True)
case('3d test ten clips', S, 300, clipLen=32, frameInterval=2, numClips=10, testMode=True)
case('3d test round half even 2.5', S, 11, clipLen=6, numClips=3, testMode=True)
case('3d test round half even 0.5 steps', S, 6, clipLen=5, numClips=5, testMode=True)
case('3d test short loop', S, 40, clipLen=32, frameInterval=2, testMode=True)
case('3d test short repeat_last, start 1', S, 40, start=1, clipLen=32, frameInterval=2, testMode=True,
     outOfBoundOpt='repeat_last')
case('3d test frames equal clip length', S, 63, clipLen=32, frameInterval=2, numClips=3, testMode=True)
case('3d test twice_sample loop', S, 100, clipLen=8, frameInterval=4, numClips=3, testMode=True,
     twiceSample=True)
case('3d test twice_sample repeat_last', S, 100, start=1, clipLen=8, frameInterval=4, numClips=3,
     testMode=True, twiceSample=True, outOfBoundOpt='repeat_last')
# SampleFrames, train mode, the four branches
case('train avg > 0 one clip', S, 300, clipLen=8, frameInterval=8, ints=[123])
case('train avg > 0 four clips, start 1', S, 250, start=1, clipLen=16, frameInterval=2, numClips=4,
     ints=[0, 53, 26, 53])
case('tsn train eight segments', S, 50, numClips=8, ints=[5, 0, 3, 1, 4, 2, 5, 0])
case('train sorted random starts', S, 10, clipLen=4, frameInterval=2, numClips=4, ints=[2, 0, 1, 0])
case('train around half even', S, 4, clipLen=3, numClips=4)
case('train around thirds', S, 8, clipLen=8, numClips=3)
case('train negative floor division gives zeros', S, 6, clipLen=8, numClips=4)
case('train zeros repeat_last, start 1', S, 5, start=1, clipLen=8, numClips=2, outOfBoundOpt='repeat_last')
case('train frames equal clip length', S, 16, clipLen=16, ints=[0])
case('train short video loops, start 1', S, 20, start=1, clipLen=16, frameInterval=2)
case('train keep_tail integer avg', S, 100, clipLen=8, frameInterval=4, numClips=3, keepTailFrames=True,
     doubles=[0.5, 0.999, 0.0])
case('train keep_tail fractional avg', S, 50, clipLen=4, frameInterval=2, numClips=3, keepTailFrames=True,
     doubles=[0.3, 0.75, 0.9999])
case('train keep_tail frames equal clip length', S, 8, clipLen=4, frameInterval=2, numClips=2,
     keepTailFrames=True, doubles=[0.25, 0.8])
case('train keep_tail too short gives zeros', S, 7, clipLen=4, frameInterval=2, numClips=2,
     keepTailFrames=True, outOfBoundOpt='repeat_last')
case('train temporal jitter', S, 60, clipLen=4, frameInterval=4, numClips=2,
     ints=[10, 3, 0, 1, 2, 3, 3, 2, 1, 0], temporalJitter=True)
case('train jitter past the end loop', S, 18, clipLen=4, frameInterval=4, ints=[2, 3, 3, 3, 3],
     temporalJitter=True)
case('train jitter past the end repeat_last', S, 18, clipLen=4, frameInterval=4, ints=[2, 3, 0, 3, 3],
     temporalJitter=True, outOfBoundOpt='repeat_last')
# DenseSampleFrames
case('dense train long', D, 300, clipLen=32, frameInterval=2, ints=[200])
case('dense train two positions draws randint(0, 1)', D, 65, clipLen=8, frameInterval=8, numClips=2,
     ints=[0])
case('dense train short, no draw, loop, start 1', D, 50, start=1, clipLen=32, frameInterval=2)
case('dense train jitter repeat_last', D, 70, clipLen=4, frameInterval=16, ints=[5, 15, 0, 7, 9],
     temporalJitter=True, outOfBoundOpt='repeat_last')
case('dense test long', D, 300, clipLen=32, frameInterval=2, testMode=True)
case('dense test two clips repeat_last, start 1', D, 100, start=1, clipLen=8, frameInterval=4, numClips=2,
     testMode=True, outOfBoundOpt='repeat_last')
case('dense test short', D, 30, clipLen=4, frameInterval=8, numSamplePositions=3, testMode=True)
case('dense test one position', D, 200, clipLen=4, frameInterval=4, numSamplePositions=1, testMode=True)
case('dense test linspace truncation', D, 71, clipLen=2, frameInterval=1, numClips=1, sampleRange=64,
     numSamplePositions=7, testMode=True)
# UntrimmedSampleFrames
case('untrimmed single frames', U, 100)
case('untrimmed clips clipped at both ends, start 1', U, 100, start=1, clipLen=8, frameInterval=2)
case('untrimmed short video', U, 9, clipLen=4)
case('untrimmed odd clip', U, 50, clipLen=5, clipInterval=10, frameInterval=3)
# SampleAVAFrames (ints: the skip offsets, drawn in test mode too)
AVA_N = 27000
case('ava test middle', A, AVA_N, keyframe=13500, testMode=True, ints=[0, 1] * 16)
case('ava test near start', A, AVA_N, keyframe=10, testMode=True, ints=[1] * 32)
case('ava test near end, start 1 added twice', A, AVA_N, start=1, keyframe=AVA_N - 5, testMode=True,
     ints=[0] * 32)
case('ava train fi 2', A, AVA_N, keyframe=900, clipLen=8, ints=[0, 1, 1, 0, 0, 0, 1, 1])
case('ava train fi 1 skips -1 or 0', A, 100, keyframe=50, clipLen=4, frameInterval=1, ints=[0, 1, 0, 1])
case('ava train fi 3 near start', A, AVA_N, keyframe=2, clipLen=4, frameInterval=3, ints=[0, 3, 1, 2])
case('ava train fi 16 near end, start 1', A, 300, start=1, keyframe=290, clipLen=4, frameInterval=16,
     ints=[0, 15, 8, 7])
# sliding_windows (action4j)
case('windows exact fit', W, 160, windowFrames=64, strideFrames=32)
case('windows pad tail, start 1', W, 100, start=1, windowFrames=64, strideFrames=32)
case('windows drop tail', W, 100, windowFrames=64, strideFrames=32, tailWindow='drop')
case('windows shift tail', W, 100, windowFrames=64, strideFrames=32, tailWindow='shift')
case('windows shorter than one window', W, 20, windowFrames=64, strideFrames=32, tailWindow='drop')
case('windows every frame', W, 10, windowFrames=4, strideFrames=4, clipLen=4, frameInterval=1)
case('windows gaps', W, 35, windowFrames=10, strideFrames=20, clipLen=2, frameInterval=3)

if __name__ == '__main__':
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'expected_indices.json')
    with open(out, 'w') as f:
        f.write('{"generator": "generate_expected_indices.py", "cases": [\n')
        f.write(',\n'.join(json.dumps(c, separators=(',', ':')) for c in CASES))
        f.write('\n]}\n')
    print(f'{len(CASES)} cases -> {out}')
