#!/usr/bin/python3
"""Parity fixtures for the CSN plugin, from a transcription of MMAction2's ResNet3dCSN.

MMAction2 is not installed here, so below is a short transcription of MMAction2 v1.2.0's
mmaction/models/backbones/resnet3d_csn.py (ResNet3dCSN, CSNBottleneck3d) and the parts of
resnet3d.py it builds on (ConvModule, Bottleneck3d with inflate_style '3x3x3' and style 'pytorch',
make_res_layer, the stem and its pools), with MMAction2's module names. What matters:

* CSNBottleneck3d replaces Bottleneck3d's conv2 by an nn.Sequential: in 'ir' mode it holds one
  ConvModule, a depthwise (groups = planes) 3x3x3 convolution with batch norm and ReLU, so its keys
  are `layerX.Y.conv2.0.conv.weight` (shape [planes, 1, 3, 3, 3]) and `conv2.0.bn.*`; in 'ip' mode
  a 1x1x1 ConvModule (batch norm, no activation) comes first: `conv2.0.conv/bn` (the 1x1x1, shape
  [planes, planes, 1, 1, 1]) and `conv2.1.conv/bn` (the depthwise one).
* ResNet3dCSN's defaults: conv1 (3, 7, 7) stride (1, 2, 2), max pool (1, 3, 3) stride (1, 2, 2),
  temporal_strides (1, 2, 2, 2), batch-norm eps 1e-3; its configs set with_pool2=False.
* A stage gets a downsample ConvModule (1x1x1, stride (t, s, s), no activation) when its spatial
  stride is not 1 or the width changes (make_res_layer ignores the temporal stride).

Small models (read by ParityTest)
---------------------------------
    /usr/bin/python3 make_parity_fixtures.py            # rewrites the fixtures beside this script

builds csn_ir and csn_ip at a reduced width (base 4), one block per stage, with random weights and
random batch-norm statistics (eval mode), and writes for each

    <variant>.bin   little-endian float32, the tensors one after another
    <variant>.json  {"config": the csn config keys to build it with,
                     "tensors": [{"name", "shape", "offset" (bytes)}], ...}

The tensors are the parameters and running statistics under MMAction2's names (torch layout;
num_batches_tracked left out), "input" (N x C x T x H x W) and "output" (the last stage's output).

Full-size models (nothing is written to the repository)
-------------------------------------------------------
    /usr/bin/python3 make_parity_fixtures.py --full ir --out /tmp/parity-ircsn_r152
    /usr/bin/python3 make_parity_fixtures.py --full ip --out /tmp/parity-ipcsn_r152

builds ir-CSN-152 or ip-CSN-152 with a 400-class I3DHead-style fc_cls, seeded random weights and
random batch-norm statistics, and writes into --out:

    <ir|ip>csn_r152.pth  {'state_dict': Recognizer3D keys: backbone.conv1.conv.weight, ...,
                         backbone.layer1.0.conv2.0.conv.weight, ..., cls_head.fc_cls.weight/bias}
    input.npy            float32 1 x 3 x 8 x 112 x 112 (MMAction2 uses 32 x 224 x 224: too big here)
    features.npy         the backbone output (1 x 2048 x 1 x 4 x 4)
    logits.npy           the head's output (average pooling, fc_cls), 1 x 400
    model.yaml           an action4j model config: backbone csn, head i3d
    backbone.bin/.json   the backbone's tensors, input and features in the small fixtures' format

and prints the parameter counts (backbone, and with the head). The backbone fixture is what
FullSizeParityTest compares with, when asked to:

    mvn -q -B -o -pl plugins/csn test -Dtest=FullSizeParityTest -Dcsn.fullFixture=/tmp/parity-ircsn_r152
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
from parity_fixtures import randomise, save_recognizer, state_tensors, write_fixture  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

DEPTHS = {50: (3, 4, 6, 3), 101: (3, 4, 23, 3), 152: (3, 8, 36, 3)}
BN_EPS = 1e-3  # ResNet3dCSN's norm_cfg


class ConvModule(parity_fixtures.ConvModule):
    """mmcv's ConvModule with Conv3d, BN3d (eps 1e-3) and an optional ReLU."""

    def __init__(self, cin, cout, kernel, stride=1, padding=0, groups=1, relu=True):
        super().__init__(cin, cout, kernel, stride, padding, groups=groups, relu=relu, eps=BN_EPS)


class CSNBottleneck3d(nn.Module):
    """Bottleneck3d (inflate_style 3x3x3, style pytorch) with CSN's conv2."""

    def __init__(self, inplanes, planes, spatial_stride, temporal_stride, downsample, mode):
        super().__init__()
        self.conv1 = ConvModule(inplanes, planes, 1)
        conv2 = []
        if mode == 'ip':
            conv2.append(ConvModule(planes, planes, 1, relu=False))
        conv2.append(ConvModule(planes, planes, (3, 3, 3), (temporal_stride, spatial_stride, spatial_stride),
                                (1, 1, 1), groups=planes))
        self.conv2 = nn.Sequential(*conv2)
        self.conv3 = ConvModule(planes, planes * 4, 1, relu=False)
        self.downsample = downsample
        self.relu = nn.ReLU(inplace=True)

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        return self.relu(self.conv3(self.conv2(self.conv1(x))) + identity)


class ResNet3dCSN(nn.Module):

    def __init__(self, stage_blocks, mode, base_channels=64, conv1_kernel=(3, 7, 7), conv1_stride_t=1,
                 pool1_stride_t=1, with_pool2=False, spatial_strides=(1, 2, 2, 2), temporal_strides=(1, 2, 2, 2)):
        super().__init__()
        self.conv1 = ConvModule(3, base_channels, conv1_kernel, (conv1_stride_t, 2, 2),
                                tuple((k - 1) // 2 for k in conv1_kernel))
        self.maxpool = nn.MaxPool3d((1, 3, 3), (pool1_stride_t, 2, 2), (0, 1, 1))
        self.pool2 = nn.MaxPool3d((2, 1, 1), (2, 1, 1))
        self.with_pool2 = with_pool2
        inplanes = base_channels
        for i, blocks in enumerate(stage_blocks):
            planes = base_channels * 2 ** i
            downsample = None
            if spatial_strides[i] != 1 or inplanes != planes * 4:
                downsample = ConvModule(inplanes, planes * 4, 1, (temporal_strides[i], spatial_strides[i],
                                                                  spatial_strides[i]), relu=False)
            layers = []
            for b in range(blocks):
                first = b == 0
                layers.append(CSNBottleneck3d(inplanes, planes, spatial_strides[i] if first else 1,
                                              temporal_strides[i] if first else 1, downsample if first else None,
                                              mode))
                inplanes = planes * 4
            self.add_module('layer%d' % (i + 1), nn.Sequential(*layers))

    def forward(self, x):
        x = self.maxpool(self.conv1(x))
        x = self.layer1(x)
        if self.with_pool2:
            x = self.pool2(x)
        return self.layer4(self.layer3(self.layer2(x)))


SMALL_BASE = 4
SMALL_BLOCKS = (1, 1, 1, 1)
# Odd sizes: time 10 -> 10 -> 5 -> 3 -> 2, space 36 x 28 -> 18 x 14 -> 9 x 7 -> 9 x 7 -> 5 x 4 -> 3 x 2 -> 2 x 1.
SMALL_INPUT = (1, 3, 10, 36, 28)


def make_small(folder):
    for index, mode in enumerate(("ir", "ip")):
        variant = "csn_" + mode
        generator = torch.Generator().manual_seed(2000 + index)
        torch.manual_seed(2000 + index)
        model = randomise(ResNet3dCSN(SMALL_BLOCKS, mode, base_channels=SMALL_BASE), generator)
        x = torch.randn(SMALL_INPUT, generator=generator)
        with torch.no_grad():
            y = model(x)
        config = {"depth": 50, "bottleneckMode": mode, "baseChannels": SMALL_BASE,
                  "stageBlocks": list(SMALL_BLOCKS)}
        size = write_fixture(folder, variant, state_tensors(model) + [("input", x), ("output", y)], {
            "variant": variant,
            "names": "mmaction2",
            "config": config,
            "madeBy": "make_parity_fixtures.py (MMAction2 ResNet3dCSN transcription), torch %s" % torch.__version__,
            "outputMaxAbs": float(y.abs().max()),
            "outputStd": float(y.std()),
        })
        print("%-8s output %s max|y| %.3f std %.3f, %d bytes" % (variant, tuple(y.shape), float(y.abs().max()),
                                                                float(y.std()), size))


def count(module):
    return sum(p.numel() for p in module.parameters())


def make_full(mode, folder, depth=152, num_classes=400):
    os.makedirs(folder, exist_ok=True)
    torch.manual_seed(7)
    generator = torch.Generator().manual_seed(7)
    backbone = randomise(ResNet3dCSN(DEPTHS[depth], mode), generator)
    fc_cls = nn.Linear(2048, num_classes)
    with torch.no_grad():
        # 50 random residual blocks grow the features to ~1e6; damping each block's last batch norm
        # (as MMAction2's zero_init_residual does fully) keeps them near 1, so absolute diffs mean something.
        for module_name, module in backbone.named_modules():
            if module_name.endswith("conv3.bn"):
                module.weight.mul_(0.2)
        fc_cls.weight.copy_(0.01 * torch.randn(fc_cls.weight.shape, generator=generator))
        fc_cls.bias.copy_(0.01 * torch.randn(fc_cls.bias.shape, generator=generator))
        x = torch.randn((1, 3, 8, 112, 112), generator=generator)
        features = backbone(x)
        logits = fc_cls(features.mean(dim=(2, 3, 4)))
    name = "%scsn_r%d" % (mode, depth)
    save_recognizer(folder, name + ".pth", backbone, fc_cls, x, features, logits,
                    "# MMAction2's %s-CSN-%d (ResNet3dCSN, with_pool2 False) with the random weights in %s.pth\n"
                    "model:\n  backbone:\n    type: csn\n    depth: %d\n    bottleneckMode: %s\n"
                    "  clsHead:\n    type: i3d\n    numClasses: %d\n" % (mode, depth, name, depth, mode, num_classes),
                    wrapped=True)
    write_fixture(folder, "backbone", state_tensors(backbone) + [("input", x), ("output", features)], {
        "variant": name,
        "names": "mmaction2",
        "config": {"depth": depth, "bottleneckMode": mode},
        "madeBy": "make_parity_fixtures.py --full %s, torch %s" % (mode, torch.__version__),
    })
    print("%s: backbone %d parameters, %d with the %d-class fc_cls; wrote %s (features %s, logits %s)" % (
        name, count(backbone), count(backbone) + count(fc_cls), num_classes, folder, tuple(features.shape),
        tuple(logits.shape)))


def print_counts():
    fc = 2048 * 400 + 400
    for mode in ("ir", "ip"):
        for depth in sorted(DEPTHS):
            n = count(ResNet3dCSN(DEPTHS[depth], mode))
            print("%s-CSN-%d: backbone %d, with the 400-class head %d" % (mode, depth, n, n + fc))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", choices=["ir", "ip"], help="write a full-size CSN-152 instead")
    parser.add_argument("--out", help="output folder (default: beside this script; required with --full)")
    parser.add_argument("--counts", action="store_true", help="only print parameter counts")
    args = parser.parse_args()
    if args.counts:
        print_counts()
    elif args.full:
        if not args.out:
            parser.error("--full needs --out (a folder outside the repository)")
        make_full(args.full, args.out)
    else:
        make_small(args.out or HERE)


if __name__ == "__main__":
    main()
