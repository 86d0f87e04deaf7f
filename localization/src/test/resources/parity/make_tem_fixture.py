#!/usr/bin/python3
"""Parity fixture for the tem head: MMAction2 v1.2.0's own TEM (BSN), run from a checkout.

    /usr/bin/python3 make_tem_fixture.py /tmp/mmaction2      # rewrites tem.bin/.json beside this script

mmaction/models/localizers/bsn.py is loaded from the checkout with the framework imports stubbed as in
make_bmn_fixture.py. A small TEM (the sizes below) gets torch's default initialisation from a fixed
seed; the fixture stores, in PyTorch's layout: features (N x feat_dim x temporal_dim), the state dict
under TEM's keys, its output (N x 3 x T: actionness, start, end), the ground truth of each sample
(exact in the manifest's gtBboxes, float64 as MMAction2's pipeline gives them), generate_labels'
targets and the three losses of TEM.loss.
"""
import json
import os
import sys
import types
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[5] / "tools" / "parity"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from parity_fixtures import write_tensors  # noqa: E402
from make_bmn_fixture import load_bmn_class  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SIZES = dict(temporal_dim=16, boundary_ratio=0.1, tem_feat_dim=24, tem_hidden_dim=12, tem_match_threshold=0.5)
GT_BBOXES = [[[0.1, 0.35], [0.5, 0.9]], [[0.0, 0.2], [0.3, 0.45], [0.62, 1.0]]]


def load_tem_class(checkout):
    load_bmn_class(checkout)  # stubs the framework and loads the shared utils
    weight_init = types.ModuleType("mmengine.model.weight_init")
    weight_init.constant_init = weight_init.kaiming_init = None
    sys.modules["mmengine.model.weight_init"] = weight_init
    utils = sys.modules["mmaction.models.localizers.utils"]
    import importlib.util
    spec = importlib.util.spec_from_file_location("mmaction.models.localizers.bsn",
                                                  Path(checkout) / "mmaction" / "models" / "localizers" / "bsn.py")
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "mmaction.models.localizers"
    sys.modules["mmaction.models.localizers.bsn"] = module
    utils.post_processing = utils.post_processing
    spec.loader.exec_module(module)
    return module.TEM


def main():
    tem_class = load_tem_class(sys.argv[1])
    torch.manual_seed(0)
    model = tem_class(**SIZES)
    features = torch.randn(2, SIZES["tem_feat_dim"], SIZES["temporal_dim"])
    output = model._forward(features)
    gt = [torch.tensor(boxes, dtype=torch.float64) for boxes in GT_BBOXES]
    action, start, end = model.generate_labels(gt)

    class Sample:
        def __init__(self, boxes):
            self.gt_instances = {"gt_bbox": boxes}

    losses = model.loss(features, [Sample(boxes) for boxes in gt])
    tensors = [("features", features)] + list(model.state_dict().items()) + [
        ("output", output), ("label_action", action), ("label_start", start), ("label_end", end),
        ("loss_action", losses["loss_action"].detach().reshape(1)),
        ("loss_start", losses["loss_start"].detach().reshape(1)),
        ("loss_end", losses["loss_end"].detach().reshape(1))]
    entries, _ = write_tensors(os.path.join(HERE, "tem.bin"), tensors)
    manifest = {"dtype": "float32", "byteOrder": "little", "gtBboxes": GT_BBOXES,
                "config": {"temporalDim": SIZES["temporal_dim"], "featDim": SIZES["tem_feat_dim"],
                           "hiddenDim": SIZES["tem_hidden_dim"], "boundaryRatio": SIZES["boundary_ratio"],
                           "matchThreshold": SIZES["tem_match_threshold"]},
                "tensors": entries}
    with open(os.path.join(HERE, "tem.json"), "w") as f:
        json.dump(manifest, f, indent=1)


if __name__ == "__main__":
    main()
