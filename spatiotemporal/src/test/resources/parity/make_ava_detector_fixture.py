#!/usr/bin/python3
"""Parity fixture for a whole AVA detector as MMAction2 v1.2.0 builds one (FastRCNN with a SlowOnly
backbone and the AVA RoI head), saved as an MMAction2 checkpoint.

    /usr/bin/python3 make_ava_detector_fixture.py     # rewrites ava_detector.{pth,bin,json} beside this script

The backbone is MMAction2's ResNet3dSlowOnly (slowonly_r50's settings: a (1,7,7) stem without temporal
striding, no pool2, 3x1x1 inflation in stages 3 and 4) from the ResNet3d transcription of the resnet3d
plugin's parity script, at a small width (base 4, one block a stage); every weight and batch-norm
statistic random (eval mode). The RoI head is the one of make_ava_head_fixture.py (features averaged over
time, torchvision's roi_align at 1/16 with MMAction2's settings, average then max pooling, fc_cls).

    ava_detector.pth   {"state_dict": backbone.*, roi_head.bbox_head.fc_cls.*}: MMAction2's keys and layout
    ava_detector.bin/.json   input (1 x 3 x 4 x 64 x 96), rois (R x 5, input pixels), cls_score (R x 5)
"""
import importlib.util
import json
import os
import sys
from pathlib import Path

import torch
import torch.nn as nn
from torchvision.ops import roi_align

ROOT = Path(__file__).resolve().parents[5]
sys.path.insert(0, str(ROOT / "tools" / "parity"))
from parity_fixtures import randomise, write_tensors  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CLASSES = 5


def resnet3d_transcription():
    path = ROOT / "plugins" / "resnet3d" / "src" / "test" / "resources" / "parity" / "make_parity_fixtures.py"
    spec = importlib.util.spec_from_file_location("resnet3d_parity", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    resnet3d = resnet3d_transcription()
    generator = torch.Generator().manual_seed(15)
    torch.manual_seed(15)
    backbone = randomise(resnet3d.ResNet3d(stage_blocks=(1, 1, 1, 1), base_channels=4, conv1_kernel=(1, 7, 7),
                                           conv1_stride_t=1, pool1_stride_t=1, with_pool2=False,
                                           inflate=(0, 0, 1, 1)), generator)
    fc_cls = nn.Linear(backbone.base_channels * 8 * 4, CLASSES)
    with torch.no_grad():
        fc_cls.weight.copy_(0.5 * torch.randn(fc_cls.weight.shape, generator=generator))
        fc_cls.bias.copy_(0.5 * torch.randn(fc_cls.bias.shape, generator=generator))
    x = torch.randn((1, 3, 4, 64, 96), generator=generator)
    rois = torch.tensor([[0, 8.0, 4.0, 40.0, 60.0], [0, 50.0, 10.0, 90.0, 63.0], [0, 0.0, 0.0, 96.0, 64.0],
                         [0, 70.0, 40.0, 110.0, 80.0]])
    with torch.no_grad():
        features = backbone(x)                                          # 1 x 128 x 4 x 4 x 6
        frame = features.mean(dim=2)
        regions = roi_align(frame, rois, (8, 8), 1 / 16, 0, True).unsqueeze(2)
        regions = nn.AdaptiveMaxPool3d((None, 1, 1))(nn.AdaptiveAvgPool3d((1, None, None))(regions))
        cls_score = fc_cls(regions.view(regions.size(0), -1))
    state = {"backbone." + k: v for k, v in backbone.state_dict().items() if not k.endswith("num_batches_tracked")}
    state.update({"roi_head.bbox_head.fc_cls." + k: v for k, v in fc_cls.state_dict().items()})
    torch.save({"state_dict": state, "meta": {"made_by": "make_ava_detector_fixture.py"}},
               os.path.join(HERE, "ava_detector.pth"))
    entries, _ = write_tensors(os.path.join(HERE, "ava_detector.bin"),
                               [("input", x), ("rois", rois), ("cls_score", cls_score)])
    config = {"backbone": {"type": "resnet3d", "depth": 50, "baseChannels": 4, "stageBlocks": [1, 1, 1, 1],
                           "stemKernel": [1, 7, 7], "stemStride": [1, 2, 2], "stemPool": True,
                           "stemPoolStride": [1, 2, 2], "withPool2": False, "temporalStrides": [1, 1, 1, 1],
                           "inflate": [[0], [0], [1], [1]], "inflateStyle": "3x1x1"},
              "roiHead": {"type": "bbox_head_ava", "numClasses": CLASSES}}
    with open(os.path.join(HERE, "ava_detector.json"), "w") as f:
        json.dump({"dtype": "float32", "byteOrder": "little", "config": config,
                   "madeBy": "make_ava_detector_fixture.py, torch %s" % torch.__version__,
                   "clsScoreMaxAbs": float(cls_score.abs().max()), "tensors": entries}, f, indent=1)
    print("cls_score", tuple(cls_score.shape), "max|y| %.3f" % float(cls_score.abs().max()))


if __name__ == "__main__":
    main()
