#!/usr/bin/python3
"""Parity fixtures for the resnet2d plugin (TSN and TSM), made with torchvision.

Small models (read by ParityTest)
---------------------------------
    /usr/bin/python3 make_parity_fixtures.py            # rewrites the fixtures beside this script

The reference is torchvision's 2D ResNet, built from torchvision's own blocks
(torchvision.models.resnet: BasicBlock, Bottleneck, and ResNet._make_layer for the stages) at a
reduced width (torchvision hard-codes a 64-channel stem), run the way MMAction2 runs TSN and TSM:

  * Recognizer2D: the clip N x C x T x H x W becomes N*T frames, each video's T frames (its
    segments) consecutive;
  * TSM: MMAction2 v1.2.0's TemporalShift (ResNetTSM, shift_place='blockres') wraps the first
    convolution of each block (every second block when stage 3 has >= 23 blocks); the class below
    keeps MMAction2's `shift` arithmetic line for line;
  * TSNHead: spatial average pooling per frame, AvgConsensus over the segments, then fc_cls.
    (Averaging before the linear fc equals averaging its per-segment scores; ParityTest's logits
    check is that identity too: `logitsPerSegmentMean` is written alongside for comparison.)

Every weight and every batch-norm statistic is random (eval mode). For each variant it writes

    <variant>.bin   little-endian float32, the tensors one after another
    <variant>.json  {"config": the resnet2d config keys, "numClasses", "tensors": [{"name",
                     "shape", "offset" (bytes)}], ...}

Tensor names are MMAction2's TSN / TSM checkpoint keys (`backbone.conv1.conv.weight`,
`backbone.layer1.0.conv1.conv.net.weight` when shifted, `backbone.layer1.0.downsample.bn.running_var`,
`cls_head.fc_cls.weight`, ...), converted from torchvision's by `mmaction2_key` exactly as
MMAction2's ResNet._load_torchvision_checkpoint maps them; the tensors stay in torch's layout.
Besides: "input" (N x C x T x H x W), "features" (the backbone output in the plugin's layout,
N x C' x T x H' x W') and "logits" (N x classes).

Full size (for a later comparison of the whole model; nothing is written to the repository)
------------------------------------------------------------------------------------------
    /usr/bin/python3 make_parity_fixtures.py --full tsn_r50 --out /tmp/parity-tsn_r50
    /usr/bin/python3 make_parity_fixtures.py --full tsm_r50 --out /tmp/parity-tsm_r50

builds torchvision's real resnet50 (400 classes) with seeded random weights and random batch-norm
statistics (TSM: with the temporal shift, shift_div 8) and writes into --out:

    resnet50_torchvision.pth  (tsn_r50 only) the state dict under torchvision's keys
    <variant>_mmaction2.pth   {"state_dict": ...} under MMAction2's checkpoint keys (see above)
    input.npy                 float32 1 x 3 x 8 x 224 x 224 (8 segments)
    features.npy              the backbone output, 1 x 2048 x 8 x 7 x 7
    logits.npy                the TSN head output, 1 x 400
    model.yaml                an action4j model config with the matching keys

Random full-size weights make activations grow through the 16 blocks (features std ~40, max ~340):
compare relative to that scale. Checked once with the small-fixture test reading the same network
written by write_fixture (2 x 3 x 8 x 224 x 224): max abs diff 1.0e-3 on features (3e-6 of their
maximum) and 9.8e-4 on logits, for TSN and TSM alike: float32 summation order, not a layer error.
"""
import argparse
import os
import re
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torchvision
from torchvision.models import resnet as tv

sys.path.insert(0, str(Path(__file__).resolve().parents[6] / "tools" / "parity"))
import parity_fixtures  # noqa: E402
from parity_fixtures import write_fixture  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


class TemporalShift(nn.Module):
    """MMAction2 v1.2.0's TemporalShift (mmaction/models/backbones/resnet_tsm.py), shift unchanged."""

    def __init__(self, net, num_segments, shift_div):
        super().__init__()
        self.net = net
        self.num_segments = num_segments
        self.shift_div = shift_div

    def forward(self, x):
        return self.net(self.shift(x, self.num_segments, self.shift_div))

    @staticmethod
    def shift(x, num_segments, shift_div):
        n, c, h, w = x.size()
        x = x.view(-1, num_segments, c, h * w)
        fold = c // shift_div
        left_split = x[:, :, :fold, :]
        mid_split = x[:, :, fold:2 * fold, :]
        right_split = x[:, :, 2 * fold:, :]
        zeros = left_split - left_split
        blank = zeros[:, :1, :, :]
        left_split = left_split[:, 1:, :, :]
        left_split = torch.cat((left_split, blank), 1)
        zeros = mid_split - mid_split
        blank = zeros[:, :1, :, :]
        mid_split = mid_split[:, :-1, :, :]
        mid_split = torch.cat((blank, mid_split), 1)
        out = torch.cat((left_split, mid_split, right_split), 2)
        return out.view(n, c, h, w)


class SmallResNet(nn.Module):
    """torchvision's ResNet (stem, four stages from ResNet._make_layer, fc) with a `base`-wide stem."""

    def __init__(self, block, layers, base, num_classes):
        super().__init__()
        # What ResNet._make_layer reads from `self`.
        self._norm_layer, self.inplanes, self.dilation, self.groups, self.base_width = nn.BatchNorm2d, base, 1, 1, 64
        self.conv1 = nn.Conv2d(3, base, kernel_size=7, stride=2, padding=3, bias=False)
        self.bn1 = nn.BatchNorm2d(base)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(kernel_size=3, stride=2, padding=1)
        make = tv.ResNet._make_layer
        self.layer1 = make(self, block, base, layers[0])
        self.layer2 = make(self, block, base * 2, layers[1], stride=2)
        self.layer3 = make(self, block, base * 4, layers[2], stride=2)
        self.layer4 = make(self, block, base * 8, layers[3], stride=2)
        self.fc = nn.Linear(base * 8 * block.expansion, num_classes)


def add_temporal_shift(model, num_segments, shift_div):
    """ResNetTSM.make_temporal_shift, shift_place 'blockres', on torchvision's module names."""
    n_round = 2 if len(list(model.layer3.children())) >= 23 else 1
    for stage in (model.layer1, model.layer2, model.layer3, model.layer4):
        for i, block in enumerate(stage.children()):
            if i % n_round == 0:
                block.conv1 = TemporalShift(block.conv1, num_segments, shift_div)
    return model


def backbone(model, frames):
    x = model.maxpool(model.relu(model.bn1(model.conv1(frames))))
    return model.layer4(model.layer3(model.layer2(model.layer1(x))))


def tsn_forward(model, clip):
    """Recognizer2D + TSNHead; returns (features N x C' x T x H' x W', logits, per-segment logits mean)."""
    n, c, t, h, w = clip.shape
    frames = clip.transpose(1, 2).reshape(n * t, c, h, w)
    maps = backbone(model, frames)  # (N*T) x C' x H' x W'
    pooled = nn.AdaptiveAvgPool2d((1, 1))(maps).flatten(1).view(n, t, -1)
    logits = model.fc(pooled.mean(dim=1))  # AvgConsensus, then fc_cls (dropout: identity in eval)
    per_segment_mean = model.fc(pooled).mean(dim=1)
    features = maps.view(n, t, *maps.shape[1:]).transpose(1, 2)
    return features, logits, per_segment_mean


def mmaction2_key(key):
    """torchvision key -> MMAction2 TSN/TSM checkpoint key (as _load_torchvision_checkpoint maps)."""
    if key.startswith("fc."):
        return "cls_head.fc_cls." + key[3:]
    key = re.sub(r"^conv1\.", "conv1.conv.", key)
    key = re.sub(r"^bn1\.", "conv1.bn.", key)
    key = re.sub(r"\.(conv\d)\.", r".\1.conv.", key)  # convK.weight, convK.net.weight
    key = re.sub(r"\.bn(\d)\.", r".conv\1.bn.", key)
    key = key.replace(".downsample.0.", ".downsample.conv.").replace(".downsample.1.", ".downsample.bn.")
    return "backbone." + key


def randomise(model, generator):
    """Random conv weights (He normal, fan out), random fc, random non-trivial batch norm."""
    return parity_fixtures.randomise(model, generator, linear_std=0.1)


def mmaction2_state(model):
    return [(mmaction2_key(k), v) for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked")]


BASE = 4
BLOCKS = [2, 1, 1, 1]  # a second block in stage 1: no downsample; with TSM a shifted block without projection
CLASSES = 5
INPUT_SHAPE = (2, 3, 3, 33, 33)  # 2 videos (segments must not mix), 3 segments, odd sizes: 17, 9, 9, 5, 3, 2

# variant -> (block, resnet2d config keys, input shape)
VARIANTS = {
    "tsn_r50": (tv.Bottleneck, {"depth": 50}, INPUT_SHAPE),
    "tsn_r18": (tv.BasicBlock, {"depth": 18}, INPUT_SHAPE),
    # shift_div 8: no shift where a block sees 4 channels (fold 0), folds of 2, 4 and 8 further on.
    "tsm_r50": (tv.Bottleneck, {"depth": 50, "shiftDiv": 8}, (2, 3, 4, 33, 33)),
    # shift_div 3 on 4, 8 and 16 channels: folds 1, 2 and 5 leave remainders unshifted.
    "tsm_r18": (tv.BasicBlock, {"depth": 18, "shiftDiv": 3}, (2, 3, 4, 33, 33)),
}


def make_small(folder):
    for index, (variant, (block, keys, shape)) in enumerate(VARIANTS.items()):
        generator = torch.Generator().manual_seed(2000 + index)
        torch.manual_seed(2000 + index)
        model = SmallResNet(block, BLOCKS, BASE, CLASSES)
        if keys.get("shiftDiv", 0) > 0:
            add_temporal_shift(model, shape[2], keys["shiftDiv"])
        randomise(model, generator)
        x = torch.randn(shape, generator=generator)
        with torch.no_grad():
            features, logits, per_segment = tsn_forward(model, x)
        tensors = mmaction2_state(model) + [("input", x), ("features", features), ("logits", logits)]
        size = write_fixture(folder, variant, tensors, {
            "variant": variant,
            "config": dict(keys, baseChannels=BASE, stageBlocks=BLOCKS),
            "numClasses": CLASSES,
            "madeBy": "make_parity_fixtures.py, torch %s, torchvision %s" % (torch.__version__, torchvision.__version__),
            "featuresStd": float(features.std()),
            "logitsPerSegmentMeanMaxDiff": float((logits - per_segment).abs().max()),
        })
        print("%-8s features %s logits %s std %.3f, %d bytes" % (
            variant, tuple(features.shape), tuple(logits.shape), float(features.std()), size))


FULL = {"tsn_r50": 0, "tsm_r50": 8}


def make_full(variant, folder):
    shift_div = FULL[variant]
    os.makedirs(folder, exist_ok=True)
    torch.manual_seed(7)
    generator = torch.Generator().manual_seed(7)
    model = tv.resnet50(num_classes=400)
    shape = (1, 3, 8, 224, 224)
    if shift_div:
        add_temporal_shift(model, shape[2], shift_div)
    randomise(model, generator)
    x = torch.randn(shape, generator=generator)
    with torch.no_grad():
        features, logits, _ = tsn_forward(model, x)
    if not shift_div:
        torch.save(model.state_dict(), os.path.join(folder, "resnet50_torchvision.pth"))
    torch.save({"state_dict": dict(mmaction2_state(model))}, os.path.join(folder, variant + "_mmaction2.pth"))
    np.save(os.path.join(folder, "input.npy"), x.numpy())
    np.save(os.path.join(folder, "features.npy"), features.numpy())
    np.save(os.path.join(folder, "logits.npy"), logits.numpy())
    lines = ["# %s: torchvision's resnet50 with the random weights in %s_mmaction2.pth" % (variant, variant),
             "model:", "  backbone:", "    type: resnet2d", "    depth: 50", "    shiftDiv: %d" % shift_div,
             "  clsHead:", "    type: tsn", "    numClasses: 400"]
    with open(os.path.join(folder, "model.yaml"), "w") as out:
        out.write("\n".join(lines) + "\n")
    print("%s: %d parameters; wrote %s (features %s, logits %s)" % (
        variant, sum(p.numel() for p in model.parameters()), folder, tuple(features.shape), tuple(logits.shape)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", choices=sorted(FULL), help="write a full-size model instead")
    parser.add_argument("--out", help="output folder (default: beside this script; required with --full)")
    args = parser.parse_args()
    if args.full:
        if not args.out:
            parser.error("--full needs --out (a folder outside the repository)")
        make_full(args.full, args.out)
    else:
        make_small(args.out or HERE)


if __name__ == "__main__":
    main()
