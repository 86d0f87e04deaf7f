#!/usr/bin/python3
"""Parity fixtures for the S3D plugin, made by torchvision 0.14's own S3D modules.

Small fixtures (read by ParityTest)
-----------------------------------
    /usr/bin/python3 make_parity_fixtures.py            # rewrites the fixtures beside this script

writes three fixtures, each as

    <name>.bin   little-endian float32, the tensors one after another
    <name>.json  {"config": the plugin config keys to build it with,
                  "tensors": [{"name", "shape", "offset" (bytes)}], ...}

* s3d_backbone: torchvision's S3D `features` rebuilt from torchvision's own
  TemporalSeparableConv, SepInceptionBlock3D, Conv3dNormActivation and MaxPool3d, every width
  divided by WIDTH_DIVISOR and rounded up (the plugin's `widthDivisor` key). The layer table
  below is checked against torchvision: at divisor 1 it must print exactly as S3D().features.
  Tensors: the parameters and running statistics under torchvision's state-dict names
  (`features.5.branch1.1.0.0.weight`, ...; num_batches_tracked left out), "input" and "output"
  (the features, before S3D's avgpool). The input's odd sizes make every max pool and the
  stride-2 stem round down somewhere.
* s3d_head: torchvision's own S3D.forward with `features` replaced by nn.Identity and a smaller
  classifier conv (HEAD_CHANNELS -> HEAD_CLASSES): avgpool (2, 7, 7) stride 1, dropout (eval:
  identity), 1x1x1 conv, mean over time and space. "input" is a batch of 2 feature maps larger
  than the pool kernel, so several pooled positions are averaged.
* max_pools: S3D's three distinct MaxPool3d configurations applied to one mostly negative input
  ("input", "output.<i>"), to pin down how padding is treated (torch pads with -inf; a pool that
  pads with 0 would differ at the borders).

Every weight and every batch-norm statistic is random (eval mode).

Full size (for a later comparison through the checkpoint loader; nothing is written to the repo)
-----------------------------------------------------------------------------------------------
    /usr/bin/python3 make_parity_fixtures.py --full --out /tmp/parity-s3d

builds torchvision's s3d() (400 classes) with seeded random weights and random batch-norm
statistics and writes into the --out folder:

    s3d.pth        the state dict, torchvision's key names
    input.npy      float32 1 x 3 x 32 x 224 x 224 (32 frames: the head averages 3 pooled windows)
    features.npy   the backbone output, 1 x 1024 x 4 x 7 x 7
    logits.npy     the classifier output, 1 x 400
    model.yaml     an action4j model config (backbone s3d, cls_head s3d)
    s3d_full.bin/.json  all of the above in the small fixtures' format, read by
                   `mvn -o -pl plugins/s3d test -Dtest=FullSizeParityTest -Ds3d.fullParity=/tmp/parity-s3d`

Graph names are torchvision's keys behind the component scope, one to one:
`features.<rest>` -> `backbone/features.<rest>`, `classifier.1.<p>` -> `cls_head/classifier.1.<p>`
(MMAction2-style keys `backbone.features...` / `cls_head.classifier.1...` map by the same rule);
conv weights are permuted 2,3,4,1,0 (the classifier too: it is a 1x1x1 Conv3d).
"""
import argparse
import importlib
import math
import os
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torchvision
from torchvision.ops.misc import Conv3dNormActivation

sys.path.insert(0, str(Path(__file__).resolve().parents[6] / "tools" / "parity"))
import parity_fixtures  # noqa: E402
from parity_fixtures import state_tensors  # noqa: E402

# torchvision.models.video.s3d is also the name of the builder function: import the module itself.
tv = importlib.import_module("torchvision.models.video.s3d")

HERE = os.path.dirname(os.path.abspath(__file__))

# torchvision's S3D.features, in order (index = features.<i>), with the paper's layer names.
# ("sep", out, kernel, stride, padding) TemporalSeparableConv; ("conv", out) 1x1x1 Conv3dNormActivation;
# ("pool", kernel, stride, padding) MaxPool3d; ("mixed", b0, b1_mid, b1, b2_mid, b2, b3) SepInceptionBlock3D.
FEATURES = [
    ("sep", 64, 7, 2, 3),                           # 0  Conv3d_1a_7x7
    ("pool", (1, 3, 3), (1, 2, 2), (0, 1, 1)),      # 1  MaxPool_2a_3x3
    ("conv", 64),                                   # 2  Conv3d_2b_1x1
    ("sep", 192, 3, 1, 1),                          # 3  Conv3d_2c_3x3
    ("pool", (1, 3, 3), (1, 2, 2), (0, 1, 1)),      # 4  MaxPool_3a_3x3
    ("mixed", 64, 96, 128, 16, 32, 32),             # 5  Mixed_3b
    ("mixed", 128, 128, 192, 32, 96, 64),           # 6  Mixed_3c
    ("pool", (3, 3, 3), (2, 2, 2), (1, 1, 1)),      # 7  MaxPool_4a_3x3
    ("mixed", 192, 96, 208, 16, 48, 64),            # 8  Mixed_4b
    ("mixed", 160, 112, 224, 24, 64, 64),           # 9  Mixed_4c
    ("mixed", 128, 128, 256, 24, 64, 64),           # 10 Mixed_4d
    ("mixed", 112, 144, 288, 32, 64, 64),           # 11 Mixed_4e
    ("mixed", 256, 160, 320, 32, 128, 128),         # 12 Mixed_4f
    ("pool", (2, 2, 2), (2, 2, 2), (0, 0, 0)),      # 13 MaxPool_5a_2x2
    ("mixed", 256, 160, 320, 32, 128, 128),         # 14 Mixed_5b
    ("mixed", 384, 192, 384, 48, 128, 128),         # 15 Mixed_5c
]

WIDTH_DIVISOR = 32
BACKBONE_INPUT = (1, 3, 11, 34, 49)   # time 11 -> 6 -> 3 -> 1, height 34 -> 17 -> 9 -> 5 -> 3 -> 1, width 49 -> ... -> 2
HEAD_CHANNELS, HEAD_CLASSES = 24, 10
HEAD_INPUT = (2, HEAD_CHANNELS, 4, 8, 9)  # (2, 7, 7) windows at 3 x 2 x 3 positions
POOL_INPUT = (1, 2, 5, 9, 8)


def norm_layer(channels):
    return nn.BatchNorm3d(channels, eps=0.001, momentum=0.001)  # S3D's default norm_layer


def small_features(divisor):
    """S3D.features with every width ceil(width / divisor), from torchvision's own modules."""
    def scaled(width):
        return math.ceil(width / divisor)

    layers, channels = [], 3
    for layer in FEATURES:
        kind, args = layer[0], layer[1:]
        if kind == "sep":
            out, kernel, stride, padding = scaled(args[0]), args[1], args[2], args[3]
            layers.append(tv.TemporalSeparableConv(channels, out, kernel, stride, padding, norm_layer))
            channels = out
        elif kind == "conv":
            layers.append(Conv3dNormActivation(channels, scaled(args[0]), kernel_size=1, stride=1,
                                               norm_layer=norm_layer))
            channels = scaled(args[0])
        elif kind == "pool":
            layers.append(nn.MaxPool3d(kernel_size=args[0], stride=args[1], padding=args[2]))
        else:
            widths = [scaled(w) for w in args]
            layers.append(tv.SepInceptionBlock3D(channels, *widths, norm_layer))
            channels = widths[0] + widths[2] + widths[4] + widths[5]
    return nn.Sequential(*layers), channels


def check_table_is_torchvisions():
    # norm_layer above is a function, torchvision's a partial: compare what they build, not how.
    ours, _ = small_features(1)
    assert repr(ours) == repr(tv.S3D().features), "FEATURES does not rebuild torchvision's S3D.features"


def randomise(model, generator):
    """Random conv weights (He normal, fan out) and random, non-trivial batch-norm weights,
    biases and running statistics."""
    return parity_fixtures.randomise(model, generator, conv_bias_std=0.1)


def write_fixture(folder, name, tensors, extra):
    """`name`.bin (little-endian float32 blobs) and `name`.json (names, shapes, byte offsets), with
    madeBy last in the header; prints the size and the last tensor's largest magnitude."""
    # dtype and byteOrder named here keep that place in the header, before madeBy.
    offset = parity_fixtures.write_fixture(folder, name, tensors, dict(
        extra, dtype="float32", byteOrder="little",
        madeBy="make_parity_fixtures.py, torch %s, torchvision %s" % (torch.__version__, torchvision.__version__)))
    print("%-14s %7d bytes, output max|y| %.3f" % (name, offset, float(tensors[-1][1].abs().max())))


def make_backbone(folder):
    generator = torch.Generator().manual_seed(3001)
    torch.manual_seed(3001)
    features, channels = small_features(WIDTH_DIVISOR)
    randomise(features, generator)
    x = torch.randn(BACKBONE_INPUT, generator=generator)
    with torch.no_grad():
        y = features(x)
    write_fixture(folder, "s3d_backbone", state_tensors(features, "features.") + [("input", x), ("output", y)], {
        "config": {"widthDivisor": WIDTH_DIVISOR}, "outputChannels": channels,
        "outputStd": float(y.std())})


def make_head(folder):
    generator = torch.Generator().manual_seed(3002)
    torch.manual_seed(3002)
    model = tv.S3D(num_classes=HEAD_CLASSES)
    model.features = nn.Identity()
    model.classifier[1] = nn.Conv3d(HEAD_CHANNELS, HEAD_CLASSES, kernel_size=1, stride=1, bias=True)
    randomise(model, generator)
    x = torch.relu(torch.randn(HEAD_INPUT, generator=generator))  # features come out of a ReLU
    with torch.no_grad():
        y = model(x)
    write_fixture(folder, "s3d_head", state_tensors(model) + [("input", x), ("output", y)], {
        "config": {"numClasses": HEAD_CLASSES, "poolKernel": list(model.avgpool.kernel_size)},
        "outputStd": float(y.std())})


def make_pools(folder):
    generator = torch.Generator().manual_seed(3003)
    x = torch.randn(POOL_INPUT, generator=generator) - 2.0
    pools = list(dict.fromkeys(layer[1:] for layer in FEATURES if layer[0] == "pool"))  # the 3 distinct ones
    tensors = [("input", x)]
    for index, (kernel, stride, padding) in enumerate(pools):
        tensors.append(("output.%d" % index, nn.MaxPool3d(kernel, stride, padding)(x)))
    write_fixture(folder, "max_pools", tensors, {
        "pools": [{"kernel": k, "stride": s, "padding": p} for k, s, p in pools]})


def make_full(folder):
    os.makedirs(folder, exist_ok=True)
    torch.manual_seed(7)
    generator = torch.Generator().manual_seed(7)
    model = randomise(tv.s3d(), generator)
    x = torch.randn((1, 3, 32, 224, 224), generator=generator)
    with torch.no_grad():
        features = model.features(x)
        logits = model(x)
    torch.save(model.state_dict(), os.path.join(folder, "s3d.pth"))
    # The same in the small fixtures' format, for FullSizeParityTest (-Ds3d.fullParity=FOLDER).
    write_fixture(folder, "s3d_full", state_tensors(model) + [
        ("input", x), ("output.features", features), ("output", logits)], {"config": {}})
    np.save(os.path.join(folder, "input.npy"), x.numpy())
    np.save(os.path.join(folder, "features.npy"), features.numpy())
    np.save(os.path.join(folder, "logits.npy"), logits.numpy())
    with open(os.path.join(folder, "model.yaml"), "w") as out:
        out.write("# torchvision's s3d with the random weights in s3d.pth\nmodel:\n  backbone:\n    type: s3d\n"
                  "  clsHead:\n    type: s3d\n    numClasses: 400\n")
    print("s3d: %d parameters; wrote %s (features %s, logits %s)" % (
        sum(p.numel() for p in model.parameters()), folder, tuple(features.shape), tuple(logits.shape)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="write a full-size torchvision s3d instead")
    parser.add_argument("--out", help="output folder (default: beside this script; required with --full)")
    args = parser.parse_args()
    check_table_is_torchvisions()
    if args.full:
        if not args.out:
            parser.error("--full needs --out (a folder outside the repository)")
        make_full(args.out)
    else:
        folder = args.out or HERE
        make_backbone(folder)
        make_head(folder)
        make_pools(folder)


if __name__ == "__main__":
    main()
