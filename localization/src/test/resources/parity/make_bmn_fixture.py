#!/usr/bin/python3
"""Parity fixture for the bmn head: MMAction2 v1.2.0's own BMN, run from a checkout.

    git clone --branch v1.2.0 https://github.com/open-mmlab/mmaction2 /tmp/mmaction2
    /usr/bin/python3 make_bmn_fixture.py /tmp/mmaction2      # rewrites bmn.bin/.json beside this script

Nothing of MMAction2 is copied here: mmaction/models/localizers/bmn.py, its utils and the BMN loss
are loaded from the checkout, with the two framework pieces they import replaced by plain ones
(mmengine's BaseModel by torch.nn.Module, the registry by a dict). A small BMN (the sizes below) gets
torch's default initialisation from a fixed seed, and the fixture stores, in PyTorch's layout:

    features                     N x feat_dim x temporal_dim, random
    x_1d_b.0.weight ... bm_mask  BMN's state dict under its own keys (sample_mask included)
    confidence_map, start, end   BMN._forward's three outputs

and the same state dict as an MMAction2 checkpoint, bmn_small.pth. It also writes bmn_training.bin/.json:
one training step of the same model in train mode on the same features, with ground truth:

    gt_bbox.N                    sample N's segments, normalised to [0, 1] (rows: start, end; exact in the
                                 manifest's gtBboxes, float64 as MMAction2's pipeline gives them)
    label_confidence, label_start, label_end   BMN.generate_labels' targets
    random_mid, random_low       the two torch.rand_like draws of BMNLoss.pem_reg_loss, in order
    loss, tem_loss, pem_reg_loss, pem_cls_loss   BMNLoss's four values
    grad.<key>                   every parameter's gradient of the loss
    proposals                    BMN.predict's proposal list for video 0 (rows: start s, end s, score),
                                 with duration_second = 37.5 and duration_frame = feature_extraction_interval
                                 * temporal_dim (so the features cover the whole video)

Full size (MMAction2's ActivityNet config: 400 x 100, hidden 256/128/512, 32 x 3 samples; nothing is
written to the repository):

    /usr/bin/python3 make_bmn_fixture.py /tmp/mmaction2 --full --out /tmp/parity-bmn

writes bmn.pth (the state dict, as MMAction2 saves it under 'state_dict'), features.npy and the
outputs as .npy.
"""
import argparse
import importlib.util
import json
import os
import sys
import types
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, str(Path(__file__).resolve().parents[5] / "tools" / "parity"))
from parity_fixtures import write_tensors  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SMALL = dict(temporal_dim=16, boundary_ratio=0.5, num_samples=8, num_samples_per_bin=3, feat_dim=32,
             soft_nms_alpha=0.4, soft_nms_low_threshold=0.5, soft_nms_high_threshold=0.9, post_process_top_k=20,
             hidden_dim_1d=16, hidden_dim_2d=8, hidden_dim_3d=16)
FULL = dict(temporal_dim=100, boundary_ratio=0.5, num_samples=32, num_samples_per_bin=3, feat_dim=400,
            soft_nms_alpha=0.4, soft_nms_low_threshold=0.5, soft_nms_high_threshold=0.9, post_process_top_k=100,
            hidden_dim_1d=256, hidden_dim_2d=128, hidden_dim_3d=512)
DURATION_SECOND = 37.5


def load_bmn_class(checkout):
    """mmaction.models.localizers.bmn.BMN from the checkout, its framework imports stubbed."""
    root = Path(checkout) / "mmaction"
    models = {}

    class Registry:
        def register_module(self, *args, **kwargs):
            def register(cls):
                models[cls.__name__] = cls
                return cls
            return register

        def build(self, cfg):
            cfg = dict(cfg)
            return models[cfg.pop("type")](**cfg)

    def stub(name, **attributes):
        module = types.ModuleType(name)
        module.__path__ = []
        module.__dict__.update(attributes)
        sys.modules[name] = module
        return module

    stub("mmengine")
    stub("mmengine.model", BaseModel=nn.Module)
    stub("mmaction")
    stub("mmaction.registry", MODELS=Registry())
    stub("mmaction.models")
    stub("mmaction.models.localizers")
    stub("mmaction.models.losses")

    def load(name, path):
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return module

    utils = root / "models" / "localizers" / "utils"
    stub("mmaction.models.localizers.utils")
    proposal_utils = load("mmaction.models.localizers.utils.proposal_utils", utils / "proposal_utils.py")
    sys.modules["mmaction.models.localizers.utils"].__dict__.update(
        post_processing=proposal_utils.post_processing, temporal_iop=proposal_utils.temporal_iop,
        temporal_iou=proposal_utils.temporal_iou, soft_nms=proposal_utils.soft_nms)
    losses = root / "models" / "losses"
    load("mmaction.models.losses.binary_logistic_regression_loss", losses / "binary_logistic_regression_loss.py")
    load("mmaction.models.losses.bmn_loss", losses / "bmn_loss.py")
    bmn = load("mmaction.models.localizers.bmn", root / "models" / "localizers" / "bmn.py")
    return bmn.BMN


class Sample:
    """What BMN.predict reads of a data sample."""

    def __init__(self, metainfo):
        self.metainfo = metainfo


def run(bmn_class, sizes, batch, seed):
    torch.manual_seed(seed)
    model = bmn_class(**sizes).eval()
    features = torch.randn(batch, sizes["feat_dim"], sizes["temporal_dim"])
    with torch.no_grad():
        confidence_map, start, end = model._forward(features)
        interval = 16
        info = dict(video_name="v_fixture", duration_second=DURATION_SECOND,
                    duration_frame=interval * sizes["temporal_dim"])
        proposals = model.predict(features[:1], [Sample(info)])[0]["proposal_list"]
    rows = torch.tensor([[p["segment"][0], p["segment"][1], p["score"]] for p in proposals], dtype=torch.float64)
    return model, features, confidence_map, start, end, rows


GT_BBOXES = [[[0.1, 0.35], [0.5, 0.9]], [[0.0, 0.2], [0.3, 0.45], [0.62, 1.0]]]


def training_step(model, features):
    """One BMN.loss step, train mode, with the random masks recorded."""
    model.train()
    draws = []
    original = torch.rand_like

    def recorded(tensor, *args, **kwargs):
        draw = original(tensor, *args, **kwargs)
        draws.append(draw.detach().clone())
        return draw

    # float64, as MMAction2's data pipeline hands them over (PackLocalizationInputs' to_tensor of numpy's float64).
    gt = [torch.tensor(boxes, dtype=torch.float64) for boxes in GT_BBOXES]
    label_confidence, label_start, label_end = model.generate_labels(gt)
    torch.rand_like = recorded
    try:
        confidence_map, start, end = model._forward(features)
        loss, tem, reg, cls = model.loss_cls(confidence_map, start, end, label_confidence, label_start, label_end,
                                             model.bm_mask)
    finally:
        torch.rand_like = original
    model.zero_grad()
    loss.backward()
    tensors = [("gt_bbox.%d" % i, boxes) for i, boxes in enumerate(gt)]
    tensors += [("label_confidence", label_confidence), ("label_start", label_start), ("label_end", label_end),
                ("random_mid", draws[0]), ("random_low", draws[1]),
                ("loss", loss.detach().reshape(1)), ("tem_loss", tem.detach().reshape(1)),
                ("pem_reg_loss", reg.detach().reshape(1)), ("pem_cls_loss", cls.detach().reshape(1))]
    tensors += [("grad." + name, parameter.grad) for name, parameter in model.named_parameters()
                if parameter.requires_grad]
    return tensors


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("checkout", help="an MMAction2 v1.2.0 checkout")
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--out", default=HERE)
    args = parser.parse_args()
    bmn_class = load_bmn_class(args.checkout)
    sizes = FULL if args.full else SMALL
    model, features, confidence_map, start, end, proposals = run(bmn_class, sizes, 1 if args.full else 2, 0)
    if args.full:
        os.makedirs(args.out, exist_ok=True)
        torch.save({"state_dict": model.state_dict()}, os.path.join(args.out, "bmn.pth"))
        for name, value in (("features", features), ("confidence_map", confidence_map), ("start", start),
                            ("end", end), ("proposals", proposals)):
            np.save(os.path.join(args.out, name + ".npy"), value.numpy())
        with open(os.path.join(args.out, "config.json"), "w") as f:
            json.dump(sizes, f, indent=1)
        return
    # The same weights as an MMAction2 checkpoint, for the end-to-end tests of --checkpoint.
    torch.save({"state_dict": model.state_dict()}, os.path.join(args.out, "bmn_small.pth"))
    tensors = [("features", features)] + list(model.state_dict().items()) + [
        ("confidence_map", confidence_map), ("start", start), ("end", end), ("proposals", proposals)]
    entries, _ = write_tensors(os.path.join(args.out, "bmn.bin"), tensors)
    manifest = {"dtype": "float32", "byteOrder": "little", "durationSecond": DURATION_SECOND,
                "config": {"temporalDim": sizes["temporal_dim"], "boundaryRatio": sizes["boundary_ratio"],
                           "numSamples": sizes["num_samples"], "numSamplesPerBin": sizes["num_samples_per_bin"],
                           "featDim": sizes["feat_dim"], "hiddenDim1d": sizes["hidden_dim_1d"],
                           "hiddenDim2d": sizes["hidden_dim_2d"], "hiddenDim3d": sizes["hidden_dim_3d"],
                           "softNmsAlpha": sizes["soft_nms_alpha"],
                           "softNmsLowThreshold": sizes["soft_nms_low_threshold"],
                           "softNmsHighThreshold": sizes["soft_nms_high_threshold"],
                           "postProcessTopK": sizes["post_process_top_k"]},
                "tensors": entries}
    with open(os.path.join(args.out, "bmn.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    training = training_step(model, features)
    entries, _ = write_tensors(os.path.join(args.out, "bmn_training.bin"), training)
    with open(os.path.join(args.out, "bmn_training.json"), "w") as f:
        json.dump({"dtype": "float32", "byteOrder": "little", "gtBboxes": GT_BBOXES, "tensors": entries}, f,
                  indent=1)


if __name__ == "__main__":
    main()
