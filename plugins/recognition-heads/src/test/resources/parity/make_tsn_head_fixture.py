#!/usr/bin/python3
"""Parity fixture for the tsn head, computed the way MMAction2 v1.2.0's TSNHead computes it.

    /usr/bin/python3 make_tsn_head_fixture.py            # rewrites tsn_head.bin/.json beside this script

`TSNHead` below is MMAction2's TSNHead.forward line for line (AdaptiveAvgPool2d per frame,
reshape to (N, num_segs, C, 1, 1), AvgConsensus over dim 1, dropout (eval: identity), fc_cls),
with a random fc_cls (weight and bias). Its input is MMAction2's: N*num_segs frames, each video's
segments consecutive. The plugin's head takes the same features as N x C x T x H x W (segments on
the time axis, what the resnet2d backbone outputs), so the fixture stores

    features            N x C x T x H x W (the plugin's layout)
    cls_head.fc_cls.weight / .bias   torch's layout (out x in), MMAction2's checkpoint keys
    logits              N x classes, TSNHead's output
    logitsPerSegmentMean            fc on each segment, then the mean (the brief's order; equal)

as little-endian float32 blobs (tsn_head.bin) with a JSON manifest (tsn_head.json: names, shapes,
byte offsets).

Full size (nothing is written to the repository):

    /usr/bin/python3 make_tsn_head_fixture.py --full --out /tmp/parity-tsn_head

writes tsn_head.pth (state dict: fc_cls.weight, fc_cls.bias; 2048 -> 400), features.npy
(1 x 2048 x 8 x 7 x 7, the plugin's layout) and logits.npy (1 x 400).
"""
import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, str(Path(__file__).resolve().parents[6] / "tools" / "parity"))
from parity_fixtures import write_tensors  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


class TSNHead(nn.Module):
    """MMAction2's TSNHead (spatial_type 'avg', AvgConsensus dim 1), inference path."""

    def __init__(self, num_classes, in_channels, dropout_ratio=0.4):
        super().__init__()
        self.avg_pool = nn.AdaptiveAvgPool2d((1, 1))
        self.dropout = nn.Dropout(p=dropout_ratio)
        self.fc_cls = nn.Linear(in_channels, num_classes)

    def forward(self, x, num_segs):
        x = self.avg_pool(x)
        x = x.reshape((-1, num_segs) + x.shape[1:])
        x = x.mean(dim=1, keepdim=True)  # AvgConsensus(dim=1)
        x = x.squeeze(1)
        x = self.dropout(x)
        x = x.view(x.size(0), -1)
        return self.fc_cls(x)


def run(head, features):
    """features N x C x T x H x W -> (TSNHead logits, per-segment fc then mean)."""
    n, c, t, h, w = features.shape
    frames = features.transpose(1, 2).reshape(n * t, c, h, w)
    with torch.no_grad():
        logits = head(frames, t)
        per_segment = head.fc_cls(frames.mean(dim=(2, 3)).view(n, t, c)).mean(dim=1)
    return logits, per_segment


def make(num_classes, shape, seed):
    generator = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed)
    head = TSNHead(num_classes, shape[1]).eval()
    with torch.no_grad():
        head.fc_cls.weight.copy_(0.1 * torch.randn(head.fc_cls.weight.shape, generator=generator))
        head.fc_cls.bias.copy_(0.1 * torch.randn(head.fc_cls.bias.shape, generator=generator))
    features = torch.randn(shape, generator=generator)
    logits, per_segment = run(head, features)
    return head, features, logits, per_segment


def write_small(folder):
    head, features, logits, per_segment = make(5, (2, 16, 3, 3, 3), 3000)
    tensors = [("features", features), ("cls_head.fc_cls.weight", head.fc_cls.weight),
               ("cls_head.fc_cls.bias", head.fc_cls.bias), ("logits", logits),
               ("logitsPerSegmentMean", per_segment)]
    entries, offset = write_tensors(os.path.join(folder, "tsn_head.bin"), tensors)
    manifest = {"numClasses": 5, "madeBy": "make_tsn_head_fixture.py, torch %s" % torch.__version__,
                "dtype": "float32", "byteOrder": "little", "tensors": entries}
    with open(os.path.join(folder, "tsn_head.json"), "w") as out:
        json.dump(manifest, out, indent=1)
    print("tsn_head: logits %s, %d bytes; |logits - per-segment mean| %.3g" % (
        tuple(logits.shape), offset, float((logits - per_segment).abs().max())))


def write_full(folder):
    os.makedirs(folder, exist_ok=True)
    head, features, logits, _ = make(400, (1, 2048, 8, 7, 7), 7)
    torch.save(head.state_dict(), os.path.join(folder, "tsn_head.pth"))
    np.save(os.path.join(folder, "features.npy"), features.numpy())
    np.save(os.path.join(folder, "logits.npy"), logits.numpy())
    print("wrote %s: features %s, logits %s" % (folder, tuple(features.shape), tuple(logits.shape)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="write a full-size head instead")
    parser.add_argument("--out", help="output folder (default: beside this script; required with --full)")
    args = parser.parse_args()
    if args.full:
        if not args.out:
            parser.error("--full needs --out (a folder outside the repository)")
        write_full(args.out)
    else:
        write_small(args.out or HERE)


if __name__ == "__main__":
    main()
