#!/usr/bin/python3
"""PyTorch references for the graph builder's conv1d (grouped, as BMN's temporal convolutions) and conv2d,
each followed by batch norm, with random weights and random batch-norm statistics (eval mode).
GraphBuilderLayersTest loads the state dicts through the checkpoint loader with PyTorch's layouts and
compares the outputs.

    /usr/bin/python3 make_layer_fixtures.py     # rewrites layers.json beside this script
"""
import json
import os
import sys
from pathlib import Path

import torch
import torch.nn as nn

sys.path.insert(0, str(Path(__file__).resolve().parents[5] / "tools" / "parity"))
from parity_fixtures import randomise  # noqa: E402  (the plugins' random weights and batch-norm statistics)


class Sequence(nn.Module):
    """conv1d (8 -> 12, k 3, padding 1, 4 groups, no bias), BN, ReLU, conv1d (12 -> 6, k 1, bias), sigmoid."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv1d(8, 12, 3, padding=1, groups=4, bias=False)
        self.bn1 = nn.BatchNorm1d(12)
        self.conv2 = nn.Conv1d(12, 6, 1)

    def forward(self, x):
        return torch.sigmoid(self.conv2(torch.relu(self.bn1(self.conv1(x)))))


class Image(nn.Module):
    """conv2d (3 -> 5, k 3, stride 2, padding 1, no bias), BN, ReLU."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 5, 3, stride=2, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(5)

    def forward(self, x):
        return torch.relu(self.bn1(self.conv1(x)))


def case(model, shape, generator):
    randomise(model, generator)
    with torch.no_grad():
        x = torch.randn(shape, generator=generator)
        y = model(x)
    tensors = {k: {"shape": list(v.shape), "values": v.flatten().tolist()}
               for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked")}
    return {"state": tensors, "input": {"shape": list(x.shape), "values": x.flatten().tolist()},
            "output": {"shape": list(y.shape), "values": y.flatten().tolist()}}


def main():
    generator = torch.Generator().manual_seed(5)
    torch.manual_seed(5)
    out = {"madeBy": "make_layer_fixtures.py, torch %s" % torch.__version__,
           "sequence": case(Sequence(), (2, 8, 10), generator),
           "image": case(Image(), (2, 3, 9, 7), generator)}
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "layers.json"), "w") as f:
        json.dump(out, f)
    print("wrote layers.json")


if __name__ == "__main__":
    main()
