#!/usr/bin/python3
"""Parity fixtures for the C3D plugin, from a PyTorch transcription of MMAction2's C3D.

MMAction2 is not installed here, so its C3D backbone (v1.2.0, mmaction/models/backbones/c3d.py,
with its defaults: Conv3d, no norm, ReLU) is transcribed below in a few lines with MMAction2's
module names, so the state dict has MMAction2's keys and shapes: conv1a.conv.weight / .bias, ...,
conv5b.conv.bias, fc6.weight / .bias, fc7.weight / .bias. C3D hard-codes its widths (64, 128,
256, 512, 512) and its fc width (4096); here they are `base` x (1, 2, 4, 8, 8) and `fc_width` so
that a test-sized network can be built (the c3d config keys baseChannels and fcWidth).

Small model (read by C3dParityTest)
-----------------------------------
    /usr/bin/python3 make_parity_fixtures.py            # rewrites c3d.bin / c3d.json beside this script

builds a C3D of widths 2, 4, 8, 16, 16 and fc width 16 with random weights and biases (eval
mode: dropout off) and runs it on a random 1 x 3 x 16 x 48 x 16 clip (pool5's input is 1 x 3 x 1:
its (0, 1, 1) padding matters). It writes

    c3d.bin   little-endian float32, the tensors one after another
    c3d.json  {"config": the c3d config keys to build it with,
               "tensors": [{"name", "shape", "offset" (bytes)}], ...}

with the parameters under MMAction2's names, "input" (N x C x T x H x W) and "output" (fc7
after its ReLU, N x fcWidth: what the backbone returns).

Full-size model (for a later `action4j model run` comparison; nothing is written to the repo)
--------------------------------------------------------------------------------------------
    /usr/bin/python3 make_parity_fixtures.py --full --out /tmp/parity-c3d

builds C3D at its real size (77,995,776 parameters) with seeded random weights plus MMAction2's
I3DHead for UCF-101 (fc_cls 4096 -> 101, no pooling on the rank-2 feature) and writes into --out:

    c3d.pth        the state dict with a Recognizer3D's keys: backbone.conv1a.conv.weight, ...,
                   backbone.fc7.bias, cls_head.fc_cls.weight / .bias
    input.npy      float32 1 x 3 x 16 x 112 x 112
    features.npy   the backbone output, 1 x 4096
    logits.npy     the head output, 1 x 101
    model.yaml     an action4j model config with the matching keys

(graph names: backbone/<key> with conv weights permuted 2,3,4,1,0 and linear weights transposed).
"""
import argparse
import os
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, str(Path(__file__).resolve().parents[6] / "tools" / "parity"))
import parity_fixtures  # noqa: E402
from parity_fixtures import save_recognizer, write_fixture  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


class ConvModule(parity_fixtures.ConvModule):
    """mmcv's ConvModule as C3D builds it: Conv3d 3x3x3, no norm (so the conv has a bias) and ReLU."""

    def __init__(self, cin, cout):
        super().__init__(cin, cout, (3, 3, 3), padding=(1, 1, 1), norm=False)


class C3D(nn.Module):
    """MMAction2's C3D; base=64, fc_width=4096, out_dim=8192 are its sizes."""

    def __init__(self, base=64, fc_width=4096, out_dim=8192, dropout_ratio=0.5):
        super().__init__()
        widths = [base, base * 2, base * 4, base * 8, base * 8]
        self.conv1a = ConvModule(3, widths[0])
        self.pool1 = nn.MaxPool3d(kernel_size=(1, 2, 2), stride=(1, 2, 2))
        self.conv2a = ConvModule(widths[0], widths[1])
        self.pool2 = nn.MaxPool3d(kernel_size=(2, 2, 2), stride=(2, 2, 2))
        self.conv3a = ConvModule(widths[1], widths[2])
        self.conv3b = ConvModule(widths[2], widths[2])
        self.pool3 = nn.MaxPool3d(kernel_size=(2, 2, 2), stride=(2, 2, 2))
        self.conv4a = ConvModule(widths[2], widths[3])
        self.conv4b = ConvModule(widths[3], widths[3])
        self.pool4 = nn.MaxPool3d(kernel_size=(2, 2, 2), stride=(2, 2, 2))
        self.conv5a = ConvModule(widths[3], widths[4])
        self.conv5b = ConvModule(widths[4], widths[4])
        self.pool5 = nn.MaxPool3d(kernel_size=(2, 2, 2), stride=(2, 2, 2), padding=(0, 1, 1))
        self.fc6 = nn.Linear(out_dim, fc_width)
        self.fc7 = nn.Linear(fc_width, fc_width)
        self.relu = nn.ReLU()
        self.dropout = nn.Dropout(p=dropout_ratio)

    def forward(self, x):
        x = self.pool1(self.conv1a(x))
        x = self.pool2(self.conv2a(x))
        x = self.pool3(self.conv3b(self.conv3a(x)))
        x = self.pool4(self.conv4b(self.conv4a(x)))
        x = self.pool5(self.conv5b(self.conv5a(x)))
        x = x.flatten(start_dim=1)
        x = self.dropout(self.relu(self.fc6(x)))
        return self.relu(self.fc7(x))


def randomise(model, generator):
    """He-normal (fan out) convolutions and N(0, 2/fan_in) linears, as MMAction2 initialises them up
    to scale, with small random biases everywhere so that they are really tested."""
    return parity_fixtures.randomise(model, generator, conv_bias_std=0.1, linear_std="fan_in")


BASE, FC_WIDTH = 2, 16
INPUT_SHAPE = (1, 3, 16, 48, 16)
OUT_DIM = BASE * 8 * 1 * 2 * 1  # pool5: time 16 -> 1, height 48 -> 2, width 16 -> 1


def make_small(folder):
    generator = torch.Generator().manual_seed(3000)
    torch.manual_seed(3000)
    model = randomise(C3D(BASE, FC_WIDTH, OUT_DIM), generator)
    x = torch.randn(INPUT_SHAPE, generator=generator)
    with torch.no_grad():
        y = model(x)
    size = write_fixture(folder, "c3d", list(model.state_dict().items()) + [("input", x), ("output", y)], {
        "variant": "c3d",
        "config": {"baseChannels": BASE, "fcWidth": FC_WIDTH, "outDim": OUT_DIM},
        "madeBy": "make_parity_fixtures.py (MMAction2 C3D transcription), torch %s" % torch.__version__,
        "outputMaxAbs": float(y.abs().max()),
        "outputStd": float(y.std()),
    })
    print("c3d output %s max|y| %.3f std %.3f, %d bytes" % (tuple(y.shape), float(y.abs().max()), float(y.std()), size))


MODEL_YAML = """# MMAction2's C3D (c3d_sports1m_pretrained.py) with the random weights in c3d.pth, UCF-101 head
model:
  backbone:
    type: c3d
  clsHead:
    type: i3d
    numClasses: 101
"""


def make_full(folder):
    os.makedirs(folder, exist_ok=True)
    torch.manual_seed(7)
    generator = torch.Generator().manual_seed(7)
    backbone = randomise(C3D(), generator)
    fc_cls = nn.Linear(4096, 101)
    with torch.no_grad():
        fc_cls.weight.copy_(0.01 * torch.randn(fc_cls.weight.shape, generator=generator))
        fc_cls.bias.copy_(0.01 * torch.randn(fc_cls.bias.shape, generator=generator))
        x = torch.randn((1, 3, 16, 112, 112), generator=generator)
        features = backbone(x)
        logits = fc_cls(features)
    save_recognizer(folder, "c3d.pth", backbone, fc_cls, x, features, logits, MODEL_YAML)
    print("c3d: backbone %d parameters (%d with the 101-class fc_cls); wrote %s (features %s, logits %s)" % (
        sum(p.numel() for p in backbone.parameters()),
        sum(p.numel() for p in backbone.parameters()) + sum(p.numel() for p in fc_cls.parameters()),
        folder, tuple(features.shape), tuple(logits.shape)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="write the full-size model instead")
    parser.add_argument("--out", help="output folder (default: beside this script; required with --full)")
    args = parser.parse_args()
    if args.full:
        if not args.out:
            parser.error("--full needs --out (a folder outside the repository)")
        make_full(args.out)
    else:
        folder = args.out or HERE
        os.makedirs(folder, exist_ok=True)
        make_small(folder)


if __name__ == "__main__":
    main()
