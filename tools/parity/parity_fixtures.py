"""What the plugins' parity-fixture scripts share (plugins/*/src/test/resources/parity/make_*.py).

Each script finds this module relative to its own file:

    sys.path.insert(0, str(Path(__file__).resolve().parents[6] / "tools" / "parity"))

Everything here draws its random values in the same order, with the same arithmetic, as the
scripts' own copies did. If you change any of it, regenerate every plugin's fixtures.

* write_fixture / write_tensors: the fixture format (`name`.bin with little-endian float32 blobs,
  `name`.json with names, shapes and byte offsets) that the Java parity tests read.
* state_tensors: a state dict without num_batches_tracked, optionally with a prefix on every key.
* randomise: He-normal convolutions, random non-trivial batch norms, and optionally random
  linears, so that every parameter and running statistic is really tested.
* save_recognizer: a full-size reference as tools/parity_full_size.sh reads it (the checkpoint under a
  Recognizer3D's keys, input.npy, features.npy, logits.npy, model.yaml).
* ConvModule: mmcv's ConvModule with Conv3d (conv, optional BN3d, optional ReLU) under
  MMAction2's module names, so state-dict keys read `<name>.conv.weight`, `<name>.bn.running_var`.
"""
import json
import os

import numpy as np
import torch
import torch.nn as nn


def write_tensors(path, tensors):
    """Writes the (name, tensor) pairs to `path` as little-endian float32, one after another;
    returns ([{"name", "shape", "offset" (bytes)}], total bytes)."""
    entries, offset = [], 0
    with open(path, "wb") as blob:
        for tensor_name, tensor in tensors:
            values = tensor.detach().cpu().contiguous().to(torch.float32).numpy().astype("<f4")
            blob.write(values.tobytes(order="C"))
            entries.append({"name": tensor_name, "shape": list(values.shape), "offset": offset})
            offset += values.nbytes
    return entries, offset


def write_fixture(folder, name, tensors, extra):
    """`name`.bin (little-endian float32 blobs) and `name`.json (names, shapes, byte offsets).

    The manifest is `extra`'s keys in their order, then "dtype" and "byteOrder" (which keep their
    place if `extra` has them already), then "tensors". Returns the .bin's size in bytes."""
    entries, offset = write_tensors(os.path.join(folder, name + ".bin"), tensors)
    header = json.dumps(dict(extra, dtype="float32", byteOrder="little"))
    with open(os.path.join(folder, name + ".json"), "w") as out:
        # One tensor a line: small files and readable diffs.
        out.write(header[:-1] + ',\n "tensors": [\n  ')
        out.write(",\n  ".join(json.dumps(entry) for entry in entries))
        out.write("\n ]\n}\n")
    return offset


def state_tensors(model, prefix=""):
    """The state dict as (prefix + key, tensor) pairs, num_batches_tracked left out."""
    return [(prefix + k, v) for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked")]


def randomise(model, generator, conv_bias_std=0.2, linear_std=None):
    """Random weights from `generator`, module by module in model.modules() order; returns the
    model in eval mode.

    * Conv1d / Conv2d / Conv3d: weights He normal, fan out (per group); biases, where there are any,
      N(0, conv_bias_std^2).
    * BatchNorm1d / 2d / 3d: weight 0.5 + U(0, 1), bias N(0, 0.2^2), running mean N(0, 0.2^2),
      running variance 0.5 + 1.5 U(0, 1).
    * Linear: left as built when linear_std is None; otherwise weights N(0, linear_std^2), or
      N(0, 2 / in_features) (He normal, fan in) when linear_std is "fan_in", and biases N(0, 0.1^2).
    """
    for module in model.modules():
        if isinstance(module, (nn.Conv1d, nn.Conv2d, nn.Conv3d)):
            fan_out = module.out_channels // module.groups * int(np.prod(module.kernel_size))
            with torch.no_grad():
                module.weight.copy_(torch.randn(module.weight.shape, generator=generator) * (2.0 / fan_out) ** 0.5)
                if module.bias is not None:
                    module.bias.copy_(conv_bias_std * torch.randn(module.bias.shape, generator=generator))
        elif isinstance(module, (nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d)):
            n = module.num_features
            with torch.no_grad():
                module.weight.copy_(0.5 + torch.rand(n, generator=generator))
                module.bias.copy_(0.2 * torch.randn(n, generator=generator))
                module.running_mean.copy_(0.2 * torch.randn(n, generator=generator))
                module.running_var.copy_(0.5 + 1.5 * torch.rand(n, generator=generator))
        elif isinstance(module, nn.Linear) and linear_std is not None:
            std = (2.0 / module.in_features) ** 0.5 if linear_std == "fan_in" else linear_std
            with torch.no_grad():
                module.weight.copy_(torch.randn(module.weight.shape, generator=generator) * std)
                module.bias.copy_(0.1 * torch.randn(module.bias.shape, generator=generator))
    return model.eval()


def save_recognizer(folder, checkpoint, backbone, fc_cls, x, features, logits, model_yaml, wrapped=False):
    """Writes a full-size reference into `folder`: `checkpoint` with a Recognizer3D's keys (backbone.*,
    cls_head.fc_cls.*; inside "state_dict" as MMAction2's own files when `wrapped`), input.npy, features.npy,
    logits.npy (the arrays as given) and model.yaml (`model_yaml`)."""
    state = {"backbone." + k: v for k, v in backbone.state_dict().items()}
    state.update({"cls_head.fc_cls." + k: v for k, v in fc_cls.state_dict().items()})
    torch.save({"state_dict": state} if wrapped else state, os.path.join(folder, checkpoint))
    for name, array in (("input", x), ("features", features), ("logits", logits)):
        np.save(os.path.join(folder, name + ".npy"), array.numpy())
    with open(os.path.join(folder, "model.yaml"), "w") as out:
        out.write(model_yaml)


class ConvModule(nn.Module):
    """mmcv's ConvModule with Conv3d and BN3d: conv, bn (unless norm=False), optional ReLU.
    bias=None is mmcv's bias='auto': a bias only without a norm (C3D's convolutions, NonLocal3d's
    g, theta, phi); eps is the batch norm's (ResNet3dCSN's norm_cfg sets 1e-3)."""

    def __init__(self, cin, cout, kernel, stride=1, padding=0, *, groups=1, relu=True, norm=True, bias=None,
                 eps=1e-5):
        super().__init__()
        self.conv = nn.Conv3d(cin, cout, kernel, stride, padding, groups=groups,
                              bias=(not norm) if bias is None else bias)
        if norm:
            self.bn = nn.BatchNorm3d(cout, eps=eps)
        self.norm = norm
        self.activate = nn.ReLU(inplace=True) if relu else None

    def forward(self, x):
        x = self.conv(x)
        if self.norm:
            x = self.bn(x)
        return x if self.activate is None else self.activate(x)
