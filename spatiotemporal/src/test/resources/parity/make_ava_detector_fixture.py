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

ava_slowfast_detector.{pth,bin,json}: the same with a SlowFast backbone (the transcription's ResNet3dSlowFast,
tau 8, alpha 8, beta 4, spatial strides (1, 2, 2, 1) in both pathways, bases 4 and 1) and SingleRoIExtractor3D's
handling of its two outputs: each resized to the longer one's length (nearest), averaged over time,
concatenated slow first, then RoIAlign as above; a 1 x 3 x 16 x 32 x 48 clip.

Full size (MMAction2's AVA SlowOnly R50, slowonly_kinetics400-pretrained-r50_8xb16-4x16x1-20e_ava21-rgb.py:
spatial strides (1, 2, 2, 1), 81 classes, a 4 x 256 x 340 clip; nothing is written to the repository):

    /usr/bin/python3 make_ava_detector_fixture.py --full --out /tmp/parity-ava
    action4j model run /tmp/parity-ava/detector.json --checkpoint /tmp/parity-ava/ava_slowonly_r50.pth \
        --input /tmp/parity-ava/input.npy --rois /tmp/parity-ava/rois.npy --output /tmp/parity-ava/ours.npy

and compare ours.npy with cls_score.npy.
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


def roi_head(features, rois, fc_cls):
    frame = features.mean(dim=2)
    regions = roi_align(frame, rois, (8, 8), 1 / 16, 0, True).unsqueeze(2)
    regions = nn.AdaptiveMaxPool3d((None, 1, 1))(nn.AdaptiveAvgPool3d((1, None, None))(regions))
    return fc_cls(regions.view(regions.size(0), -1))


def full(folder):
    import numpy as np
    os.makedirs(folder, exist_ok=True)
    resnet3d = resnet3d_transcription()
    generator = torch.Generator().manual_seed(16)
    torch.manual_seed(16)
    backbone = randomise(resnet3d.ResNet3d(conv1_kernel=(1, 7, 7), conv1_stride_t=1, pool1_stride_t=1,
                                           with_pool2=False, spatial_strides=(1, 2, 2, 1), inflate=(0, 0, 1, 1)),
                         generator)
    fc_cls = nn.Linear(2048, 81)
    with torch.no_grad():
        # Small enough that the scores are of the size a trained head gives (|y| of a few units to tens).
        fc_cls.weight.copy_(0.002 * torch.randn(fc_cls.weight.shape, generator=generator))
        fc_cls.bias.copy_(0.05 * torch.randn(fc_cls.bias.shape, generator=generator))
    x = torch.randn((1, 3, 4, 256, 340), generator=generator)
    rois = torch.tensor([[0, 20.0, 30.0, 120.0, 250.0], [0, 150.0, 10.0, 330.0, 255.0], [0, 0.0, 0.0, 340.0, 256.0]])
    with torch.no_grad():
        cls_score = roi_head(backbone(x), rois, fc_cls)
    state = {"backbone." + k: v for k, v in backbone.state_dict().items() if not k.endswith("num_batches_tracked")}
    state.update({"roi_head.bbox_head.fc_cls." + k: v for k, v in fc_cls.state_dict().items()})
    torch.save({"state_dict": state}, os.path.join(folder, "ava_slowonly_r50.pth"))
    for name, array in (("input", x), ("rois", rois), ("cls_score", cls_score)):
        np.save(os.path.join(folder, name + ".npy"), array.numpy())
    config = {"model": {"backbone": {"type": "resnet3d", "depth": 50, "stemKernel": [1, 7, 7],
                                     "stemStride": [1, 2, 2], "stemPool": True, "stemPoolStride": [1, 2, 2],
                                     "withPool2": False, "spatialStrides": [1, 2, 2, 1],
                                     "temporalStrides": [1, 1, 1, 1], "inflate": [[0], [0], [1], [1]],
                                     "inflateStyle": "3x1x1"},
                        "roiHead": {"type": "bbox_head_ava", "numClasses": 81}}}
    with open(os.path.join(folder, "detector.json"), "w") as f:
        json.dump(config, f, indent=1)
    print("ava slowonly r50: backbone %d parameters, cls_score %s, wrote %s" % (
        sum(p.numel() for p in backbone.parameters()), tuple(cls_score.shape), folder))


def slowfast():
    resnet3d = resnet3d_transcription()
    generator = torch.Generator().manual_seed(17)
    torch.manual_seed(17)
    strides = (1, 2, 2, 1)
    backbone = randomise(resnet3d.ResNet3dSlowFast(
        resample_rate=8, speed_ratio=8, channel_ratio=4,
        slow_pathway=dict(base_channels=4, stage_blocks=(1, 1, 1, 1), spatial_strides=strides),
        fast_pathway=dict(base_channels=1, stage_blocks=(1, 1, 1, 1), spatial_strides=strides)), generator)
    channels = backbone.slow_path.layer4[-1].conv3.conv.out_channels + backbone.fast_path.layer4[-1].conv3.conv.out_channels
    fc_cls = nn.Linear(channels, CLASSES)
    with torch.no_grad():
        fc_cls.weight.copy_(0.2 * torch.randn(fc_cls.weight.shape, generator=generator))
        fc_cls.bias.copy_(0.2 * torch.randn(fc_cls.bias.shape, generator=generator))
    x = torch.randn((1, 3, 16, 32, 48), generator=generator)
    rois = torch.tensor([[0, 4.0, 2.0, 20.0, 30.0], [0, 25.0, 5.0, 45.0, 31.0], [0, 0.0, 0.0, 48.0, 32.0]])
    with torch.no_grad():
        feats = backbone(x)
        longest = max(f.shape[2] for f in feats)
        feats = [nn.functional.interpolate(f, (longest,) + tuple(feats[0].shape[3:])) for f in feats]
        features = torch.cat([f.mean(dim=2, keepdim=True) for f in feats], dim=1)
        cls_score = roi_head(features, rois, fc_cls)
    state = {"backbone." + k: v for k, v in backbone.state_dict().items() if not k.endswith("num_batches_tracked")}
    state.update({"roi_head.bbox_head.fc_cls." + k: v for k, v in fc_cls.state_dict().items()})
    torch.save({"state_dict": state}, os.path.join(HERE, "ava_slowfast_detector.pth"))
    entries, _ = write_tensors(os.path.join(HERE, "ava_slowfast_detector.bin"),
                               [("input", x), ("rois", rois), ("cls_score", cls_score)])
    pathway = {"stageBlocks": [1, 1, 1, 1], "spatialStrides": list(strides)}
    config = {"backbone": {"type": "slowfast", "output": "timeAveraged", "channelRatio": 4,
                           "slowPathway": dict(pathway, baseChannels=4), "fastPathway": dict(pathway, baseChannels=1)},
              "roiHead": {"type": "bbox_head_ava", "numClasses": CLASSES}}
    with open(os.path.join(HERE, "ava_slowfast_detector.json"), "w") as f:
        json.dump({"dtype": "float32", "byteOrder": "little", "config": config,
                   "madeBy": "make_ava_detector_fixture.py, torch %s" % torch.__version__,
                   "clsScoreMaxAbs": float(cls_score.abs().max()), "tensors": entries}, f, indent=1)
    print("slowfast cls_score", tuple(cls_score.shape), "max|y| %.3f" % float(cls_score.abs().max()))


def main():
    if "--full" in sys.argv:
        return full(sys.argv[sys.argv.index("--out") + 1])
    slowfast()
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
        cls_score = roi_head(backbone(x), rois, fc_cls)                # features 1 x 128 x 4 x 4 x 6
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
