"""Writes the small checkpoint fixtures for io.action4j.engine.checkpoint's tests.

Run once from this folder with Debian's PyTorch (torch 1.13) and commit what it writes:

    cd engine/src/test/resources/checkpoints && /usr/bin/python3 make_checkpoints.py

Every file stays well under 50 KB. expected.json holds the values the Java tests compare with.
safetensors files are written by hand (the safetensors package is not installed), following
https://github.com/huggingface/safetensors: u64 little-endian header length, JSON header, data.
"""
import collections
import io
import json
import os
import pickle
import struct
import zipfile

import numpy as np
import torch
import torch.nn as nn
from torchvision.models.video.resnet import BasicBlock, Conv3DSimple

torch.manual_seed(0)
HERE = os.path.dirname(os.path.abspath(__file__))
expected = {}


def path(name):
    return os.path.join(HERE, name)


def values(t):
    """Float32 values in row-major order, as Java will read them."""
    return t.detach().to(torch.float32).contiguous().reshape(-1).tolist()


def clip_input(shape):
    """Deterministic input that Java rebuilds bit for bit: ((i * 37) % 101) / 101 - 0.5, in float32."""
    n = int(np.prod(shape))
    return torch.tensor([((i * 37) % 101) / 101.0 - 0.5 for i in range(n)], dtype=torch.float32).reshape(shape)


def randomize_batch_norms(model):
    for module in model.modules():
        if isinstance(module, nn.BatchNorm3d):
            with torch.no_grad():
                module.weight.uniform_(0.5, 1.5)
                module.bias.uniform_(-0.2, 0.2)
                module.running_mean.uniform_(-0.1, 0.1)
                module.running_var.uniform_(0.5, 1.5)
            module.num_batches_tracked.fill_(11)


# 1. dtypes: float32, float16 (with a subnormal), bfloat16, float64 and an int64 counter.
dtypes = collections.OrderedDict()
dtypes['f32'] = torch.arange(6, dtype=torch.float32).reshape(2, 3) * 0.5 - 1
dtypes['f16'] = torch.tensor([1.5, -2.25, 65504.0, 1e-7, float('inf')], dtype=torch.float16)
dtypes['bf16'] = torch.tensor([1.0, -3.140625, 1e30], dtype=torch.bfloat16)
dtypes['f64'] = torch.tensor([[0.1, -1e-3]], dtype=torch.float64)
dtypes['count'] = torch.tensor(7, dtype=torch.int64)
torch.save(dtypes, path('dtypes.pth'))
expected['dtypes'] = {k: {'shape': list(v.shape), 'values': values(v)} for k, v in dtypes.items() if k != 'count'}
expected['dtypes']['count'] = {'shape': [], 'values': [7]}

# 2. views: one storage shared by every tensor, with offsets and non-contiguous strides.
base = torch.arange(12, dtype=torch.float32).reshape(3, 4)
views = collections.OrderedDict()
views['base'] = base
views['transposed'] = base.t()              # strides (1, 4)
views['sliced'] = base[1:, ::2]             # offset 4, strides (4, 2)
views['row2'] = base[2]                     # offset 8
views['broadcast'] = base[0, :3].expand(2, 3)  # stride 0
torch.save(views, path('views.pth'))
expected['views'] = {k: {'shape': list(v.shape), 'values': values(v)} for k, v in views.items()}


# 3. MMAction2-style checkpoint of the registry's fakes tiny3d (width 4, kernel 1x3x3) + tiny_cls (3 classes).
class Tiny(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv3d(3, 4, (1, 3, 3), bias=False)
        self.bn = nn.BatchNorm3d(4, eps=1e-5)
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        x = torch.relu(self.bn(self.conv(x)))
        return self.fc(x.mean(dim=(2, 3, 4)))


tiny = Tiny()
randomize_batch_norms(tiny)
optimizer = torch.optim.SGD(tiny.parameters(), lr=0.01, momentum=0.9)
tiny(clip_input((1, 3, 4, 8, 8))).sum().backward()
optimizer.step()  # momentum buffers: tensors outside the state dict
tiny.eval()
state = collections.OrderedDict()
for k, v in tiny.state_dict().items():
    state[('cls_head.' if k.startswith('fc.') else 'backbone.') + k] = v
mmaction2 = {
    'meta': {
        'mmengine_version': '0.10.3',
        'time': '20240101_120000',
        'epoch': 3,
        'iter': 300,
        'seed': 42,
        'cfg': "model = dict(type='Recognizer3D')",
        'dataset_meta': {'classes': ['a', 'b', 'c']},
        'hook_msgs': {'best_score': np.float64(0.625), 'last_ckpt': 'epoch_3.pth'},
    },
    'state_dict': state,
    'optimizer': optimizer.state_dict(),
}
torch.save(mmaction2, path('mmaction2_style.pth'))
clip = clip_input((2, 3, 4, 8, 8))
with torch.no_grad():
    expected['mmaction2_style'] = {
        'keys': list(state.keys()),
        'conv_weight': {'shape': list(state['backbone.conv.weight'].shape), 'values': values(state['backbone.conv.weight'])},
        'fc_weight': {'shape': list(state['cls_head.fc.weight'].shape), 'values': values(state['cls_head.fc.weight'])},
        'running_var': values(state['backbone.bn.running_var']),
        'logits': values(tiny(clip)),
    }
# The same weights in a bare state dict with the classifier missing and one extra, one misshapen key.
broken = collections.OrderedDict((k, v) for k, v in state.items() if not k.startswith('cls_head.'))
broken['backbone.extra.weight'] = torch.zeros(2)
broken['backbone.bn.weight'] = torch.ones(5)
torch.save(broken, path('mmaction2_broken.pth'))


# 4. torchvision video ResNet naming on a tiny model: stem, one BasicBlock with downsample, fc.
class TinyVideoResNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv3d(3, 4, (1, 3, 3), padding=(0, 1, 1), bias=False),
                                  nn.BatchNorm3d(4), nn.ReLU(inplace=True))
        downsample = nn.Sequential(nn.Conv3d(4, 6, 1, stride=(1, 2, 2), bias=False), nn.BatchNorm3d(6))
        self.layer1 = nn.Sequential(BasicBlock(4, 6, Conv3DSimple, stride=(1, 2, 2), downsample=downsample))
        self.avgpool = nn.AdaptiveAvgPool3d(1)
        self.fc = nn.Linear(6, 3)

    def forward(self, x):
        x = self.layer1(self.stem(x))
        return self.fc(self.avgpool(x).flatten(1))


tv = TinyVideoResNet()
randomize_batch_norms(tv)
tv.eval()
torch.save(tv.state_dict(), path('torchvision_style.pth'))
with torch.no_grad():
    expected['torchvision_style'] = {'keys': list(tv.state_dict().keys()), 'logits': values(tv(clip))}

# The real torchvision key sets (names and shapes only), for the mapping tables.
from torchvision.models.video import mc3_18, r2plus1d_18, r3d_18  # noqa: E402

expected['torchvision_keys'] = {
    name: {k: list(v.shape) for k, v in builder().state_dict().items()}
    for name, builder in [('r3d_18', r3d_18), ('mc3_18', mc3_18), ('r2plus1d_18', r2plus1d_18)]
}


# 5. Hostile and broken files.
class Evil:
    def __init__(self, fn, arg):
        self.fn, self.arg = fn, arg

    def __reduce__(self):
        return self.fn, (self.arg,)


torch.save({'state_dict': {'w': torch.ones(2)}, 'payload': Evil(os.system, 'echo pwned')}, path('malicious_os_system.pth'))
torch.save({'w': torch.ones(2), 'payload': Evil(eval, '1+1')}, path('malicious_eval.pth'), pickle_protocol=4)
torch.save({'state_dict': {'w': torch.ones(2)}, 'meta': {'hist': np.zeros(2)}}, path('numpy_array_meta.pth'))
torch.save(dtypes, path('legacy.pth'), _use_new_zipfile_serialization=False)
with open(path('dtypes.pth'), 'rb') as f:
    whole = f.read()
with open(path('truncated.pth'), 'wb') as f:
    f.write(whole[:len(whole) // 2])
with open(path('garbage.pth'), 'wb') as f:
    f.write(b'this is not a checkpoint\n' * 4)


# Hand-made torch zips whose pickles claim what the storages cannot back.
class StorageClaim:
    def __init__(self, key, numel, storage_type=torch.FloatStorage):
        self.key, self.numel, self.storage_type = key, numel, storage_type


class TensorClaim:
    def __init__(self, storage, offset, size, stride):
        self.args = (storage, offset, tuple(size), tuple(stride), False, collections.OrderedDict())

    def __reduce__(self):
        return torch._utils._rebuild_tensor_v2, self.args


class ClaimPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, StorageClaim):
            return 'storage', obj.storage_type, obj.key, 'cpu', obj.numel
        return None


def write_torch_zip(name, state, storages):
    buffer = io.BytesIO()
    ClaimPickler(buffer, protocol=2).dump(state)
    prefix = os.path.splitext(name)[0]
    with zipfile.ZipFile(path(name), 'w', zipfile.ZIP_STORED) as z:
        z.writestr(prefix + '/data.pkl', buffer.getvalue())
        for key, data in storages.items():
            z.writestr(prefix + '/data/' + key, data)
        z.writestr(prefix + '/version', '3\n')


four_floats = struct.pack('<4f', 1, 2, 3, 4)
write_torch_zip('crafted_ok.pth', collections.OrderedDict(
    w=TensorClaim(StorageClaim('0', 4), 1, [2], [2])), {'0': four_floats})
write_torch_zip('storage_exceeds_entry.pth', collections.OrderedDict(
    w=TensorClaim(StorageClaim('0', 1000), 0, [4], [1])), {'0': four_floats})
write_torch_zip('view_outside_storage.pth', collections.OrderedDict(
    w=TensorClaim(StorageClaim('0', 4), 2, [3], [1])), {'0': four_floats})
write_torch_zip('shape_overflow.pth', collections.OrderedDict(
    w=TensorClaim(StorageClaim('0', 4), 0, [2 ** 40, 2 ** 40], [0, 0])), {'0': four_floats})
write_torch_zip('missing_storage.pth', collections.OrderedDict(
    w=TensorClaim(StorageClaim('7', 4), 0, [4], [1])), {'0': four_floats})
# torch.load agrees that crafted_ok.pth is [2, 4].
assert torch.load(path('crafted_ok.pth'))['w'].tolist() == [2.0, 4.0]


# 6. safetensors, by hand.
def write_safetensors(name, header, data):
    raw = json.dumps(header, separators=(',', ':')).encode()
    raw += b' ' * (-len(raw) % 8)
    with open(path(name), 'wb') as f:
        f.write(struct.pack('<Q', len(raw)) + raw + data)


def safetensors_of(tensors, metadata):
    header, chunks, offset = {'__metadata__': metadata}, [], 0
    dtype_names = {torch.float32: 'F32', torch.float16: 'F16', torch.bfloat16: 'BF16', torch.float64: 'F64',
                   torch.int64: 'I64'}
    for key, t in tensors.items():
        t = t.contiguous()
        raw = t.view(torch.uint8).numpy().tobytes() if t.dim() > 0 else t.reshape(1).view(torch.uint8).numpy().tobytes()
        header[key] = {'dtype': dtype_names[t.dtype], 'shape': list(t.shape), 'data_offsets': [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    return header, b''.join(chunks)


header, data = safetensors_of(dtypes, {'source': 'make_checkpoints.py'})
write_safetensors('dtypes.safetensors', header, data)
overlapping = json.loads(json.dumps(header))
overlapping['f16']['data_offsets'] = [overlapping['f32']['data_offsets'][0] + 4, overlapping['f32']['data_offsets'][0] + 14]
write_safetensors('overlapping.safetensors', overlapping, data)
out_of_file = json.loads(json.dumps(header))
out_of_file['f64']['data_offsets'] = [len(data) - 8, len(data) + 8]
write_safetensors('out_of_file.safetensors', out_of_file, data)
wrong_size = json.loads(json.dumps(header))
wrong_size['f32']['shape'] = [2, 4]
write_safetensors('wrong_size.safetensors', wrong_size, data)
with open(path('huge_header.safetensors'), 'wb') as f:
    f.write(struct.pack('<Q', 1 << 40) + b'{}')

with open(path('expected.json'), 'w') as f:
    json.dump(expected, f, indent=1)
for name in sorted(os.listdir(HERE)):
    size = os.path.getsize(path(name))
    assert size < 50_000, name
    print(f'{size:8d} {name}')
