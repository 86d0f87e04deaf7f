#!/usr/bin/python3
"""Reference values of torchvision.ops.roi_pool (Debian's python3-torchvision 0.14) for RoiPoolTest:

    /usr/bin/python3 make_roi_pool_fixtures.py        # rewrites roi_pool_fixtures.json beside this script

One feature map (2 x 3 x 7 x 9, random), boxes inside, across the borders, wholly outside, tiny, a point and
reversed, in both images; for each case (output size, spatial scale): the output, and the gradient of
sum(output * upstream) with respect to the features for a random upstream gradient.
"""
import json
import os

import torch
from torchvision.ops import roi_pool

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    torch.manual_seed(0)
    features = torch.randn(2, 3, 7, 9)
    boxes = torch.tensor([
        [0, 1.0, 1.0, 5.0, 4.0],      # inside
        [1, 0.3, 0.7, 8.6, 6.2],      # almost the whole map
        [0, -3.0, -2.0, 2.5, 3.0],    # across the top-left border (rounding at .5, away from zero)
        [1, 6.5, 4.0, 14.0, 11.0],    # across the bottom-right border
        [0, 20.0, 20.0, 30.0, 25.0],  # wholly outside
        [1, 2.2, 3.3, 2.4, 3.35],     # tiny
        [0, 4.0, 2.0, 4.0, 2.0],      # a point
        [1, 3.0, 5.0, 1.0, 2.0],      # reversed
    ])
    cases = []
    for output_size, scale in [((2, 2), 1.0), ((3, 4), 0.5), ((7, 7), 1.0), ((1, 1), 0.25), ((2, 3), 2.0)]:
        x = features.clone().requires_grad_(True)
        out = roi_pool(x, boxes, output_size, scale)
        upstream = torch.randn_like(out)
        (out * upstream).sum().backward()
        cases.append({"outputSize": list(output_size), "spatialScale": scale, "output": out.detach().flatten().tolist(),
                      "upstream": upstream.flatten().tolist(), "gradient": x.grad.flatten().tolist()})
    with open(os.path.join(HERE, "roi_pool_fixtures.json"), "w") as f:
        json.dump({"featureShape": list(features.shape), "features": features.flatten().tolist(),
                   "boxes": boxes.flatten().tolist(), "cases": cases}, f)


if __name__ == "__main__":
    main()
