#!/usr/bin/python3
"""Parity fixture for the bbox_head_ava detection head: MMAction2 v1.2.0's AVA RoI head forward,
written out here with torchvision's roi_align (Debian's python3-torchvision), as its configs set it:

    SingleRoIExtractor3D(roi_layer_type='RoIAlign', featmap_stride=16, output_size=8, sampling_ratio=0,
                         with_temporal_pool=True, temporal_pool_mode='avg', aligned=True)
    BBoxHeadAVA(temporal_pool_type='avg', spatial_pool_type='max', dropout_ratio=0, multilabel=True)

i.e. features averaged over time, RoIAlign per box (spatial scale 1/16), AdaptiveAvgPool3d((1, None,
None)) then AdaptiveMaxPool3d((None, 1, 1)), flatten, fc_cls. Writes ava_head.bin/.json beside this
script: features (N x C x T x H x W), rois (R x 5, input pixels), roi_head.bbox_head.fc_cls.weight/bias
(MMAction2's keys and layout), cls_score (R x classes) and cls_score_roi_pool (the same with
roi_layer_type='RoIPool': torchvision's roi_pool instead of roi_align).

    /usr/bin/python3 make_ava_head_fixture.py
"""
import json
import os
import sys
from pathlib import Path

import torch
import torch.nn as nn
from torchvision.ops import roi_align, roi_pool

sys.path.insert(0, str(Path(__file__).resolve().parents[5] / "tools" / "parity"))
from parity_fixtures import write_tensors  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    torch.manual_seed(0)
    channels, classes = 16, 7
    features = torch.randn(2, channels, 4, 8, 10)  # a 128 x 160 input at stride 16
    rois = torch.tensor([[0, 10.0, 12.0, 90.0, 120.0], [1, 0.0, 0.0, 160.0, 128.0], [0, 150.0, 100.0, 200.0, 140.0],
                         [1, 33.3, 44.4, 38.8, 49.9]])
    fc_cls = nn.Linear(channels, classes)
    nn.init.normal_(fc_cls.weight, 0, 0.5)
    nn.init.normal_(fc_cls.bias, 0, 0.5)
    with torch.no_grad():
        frame = features.mean(dim=2)                                   # with_temporal_pool, avg
        regions = roi_align(frame, rois, (8, 8), 1 / 16, 0, True)     # R x C x 8 x 8
        regions = regions.unsqueeze(2)                                 # R x C x 1 x 8 x 8
        regions = nn.AdaptiveAvgPool3d((1, None, None))(regions)
        regions = nn.AdaptiveMaxPool3d((None, 1, 1))(regions)
        cls_score = fc_cls(regions.view(regions.size(0), -1))
        # roi_layer_type='RoIPool': mmcv's RoIPool, torchvision's roi_pool arithmetic.
        pooled = roi_pool(frame, rois, (8, 8), 1 / 16).unsqueeze(2)
        pooled = nn.AdaptiveMaxPool3d((None, 1, 1))(nn.AdaptiveAvgPool3d((1, None, None))(pooled))
        cls_score_roi_pool = fc_cls(pooled.view(pooled.size(0), -1))
    tensors = [("features", features), ("rois", rois), ("roi_head.bbox_head.fc_cls.weight", fc_cls.weight),
               ("roi_head.bbox_head.fc_cls.bias", fc_cls.bias), ("cls_score", cls_score),
               ("cls_score_roi_pool", cls_score_roi_pool)]
    entries, _ = write_tensors(os.path.join(HERE, "ava_head.bin"), tensors)
    with open(os.path.join(HERE, "ava_head.json"), "w") as f:
        json.dump({"dtype": "float32", "byteOrder": "little", "config": {"numClasses": classes},
                   "tensors": entries}, f, indent=1)


if __name__ == "__main__":
    main()
