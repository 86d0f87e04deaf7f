"""Computes the localization metrics of MMAction2 v1.2.0 itself on its own test data, for
LocalizationReferenceTest. Nothing of MMAction2 is copied here: its two evaluation files are
loaded from a checkout given on the command line (they need numpy only; mmengine's logger is
replaced by a no-op).

    git clone --branch v1.2.0 https://github.com/open-mmlab/mmaction2 /tmp/mmaction2
    python3 make_metric_reference.py /tmp/mmaction2 ../../../../../shared/fixtures/mmaction2 > metric_reference.json

Written with numpy 1.24 (Debian bookworm's python3-numpy).
"""
import importlib.util
import json
import sys
import types
from pathlib import Path

import numpy as np


def load(checkout):
    functional = Path(checkout) / "mmaction" / "evaluation" / "functional"
    logging = types.ModuleType("mmengine.logging")
    logging.MMLogger = type("MMLogger", (), {"get_current_instance": staticmethod(lambda: None)})
    logging.print_log = lambda *args, **kwargs: None
    sys.modules["mmengine"] = types.ModuleType("mmengine")
    sys.modules["mmengine.logging"] = logging
    package = types.ModuleType("functional")
    package.__path__ = [str(functional)]
    sys.modules["functional"] = package
    modules = {}
    for name in ("accuracy", "eval_detection"):
        spec = importlib.util.spec_from_file_location("functional." + name, functional / (name + ".py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules["functional." + name] = module
        spec.loader.exec_module(module)
        modules[name] = module
    return modules


def proposals(accuracy, gt_file, result_file, max_avg_proposals):
    # As ANetMetric.compute_ARAN: ground truth [start, end] per video without the "v_" prefix, and
    # proposals [start, end, score] with the result file's keys as they are.
    with open(gt_file) as f:
        gt = json.load(f)
    with open(result_file) as f:
        results = json.load(f)["results"]
    ground_truth = {k[2:]: np.array([a["segment"] for a in v["annotations"]]) for k, v in gt.items()}
    props, total = {}, 0
    for video, entries in results.items():
        props[video] = np.array([[e["segment"][0], e["segment"][1], e["score"]] for e in entries])
        total += len(entries)
    recall, avg_recall, per_video, auc = accuracy.average_recall_at_avg_proposals(
        ground_truth, props, total, max_avg_proposals=max_avg_proposals)
    return {
        "max_avg_proposals": max_avg_proposals,
        "auc": auc,
        "AR@1": float(np.mean(recall[:, 0])), "AR@5": float(np.mean(recall[:, 4])),
        "AR@10": float(np.mean(recall[:, 9])), "AR@100": float(np.mean(recall[:, 99])),
        "average_recall": avg_recall.tolist(),
        "proposals_per_video": per_video.tolist(),
    }


def detection(eval_detection, gt_file, result_file, thresholds):
    evaluator = eval_detection.ActivityNetLocalization(
        gt_file, result_file, tiou_thresholds=thresholds, verbose=False)
    mean_ap, average_map = evaluator.evaluate()
    return {
        "tiou_thresholds": list(thresholds),
        "mAP": mean_ap.tolist(),
        "average_mAP": float(average_map),
        "ap": evaluator.ap.tolist(),  # [threshold][class], classes in ground-truth order
    }


def main():
    modules = load(sys.argv[1])
    data = Path(sys.argv[2]) / "tests" / "data" / "eval_localization"
    gt, result = data / "gt.json", data / "result.json"
    print(json.dumps({
        "proposals": [proposals(modules["accuracy"], gt, result, n) for n in (100, None, 3)],
        "detection": [detection(modules["eval_detection"], gt, result, t)
                      for t in (np.linspace(0.5, 0.95, 10), np.linspace(0.3, 0.7, 5))],
    }, indent=1))


if __name__ == "__main__":
    main()
