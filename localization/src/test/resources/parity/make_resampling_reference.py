#!/usr/bin/python3
"""What MMAction2's ActivityNet feature post-processing (pool_feature, run from a checkout with
mmengine's dump/load stubbed; needs scipy, Debian's python3-scipy) makes of feature sequences,
for FeatureResamplingTest (in parity/, the fixture format):

    /usr/bin/python3 make_resampling_reference.py /tmp/mmaction2 ../../../../../shared/fixtures/mmaction2

writes resampling.bin/.json beside this script (little-endian float32 tensors, the parity format):

    test1            shared/fixtures/.../activitynet_features/v_test1.csv as read (5 x 400)
    test1_to_100     pool_feature(test1, 100)                          (mean of 3 points)
    random37         a random 37 x 6 sequence
    random37_to_10   pool_feature(random37, 10)
    random37_max_to_16  pool_feature(random37, 16, num_sample_bins=4, pool_type='max')
"""
import importlib.util
import os
import sys
import types
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[5] / "tools" / "parity"))
from parity_fixtures import write_tensors  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def load_pool_feature(checkout):
    mmengine = types.ModuleType("mmengine")
    mmengine.dump = mmengine.load = None
    sys.modules["mmengine"] = mmengine
    path = Path(checkout) / "tools" / "data" / "activitynet" / "activitynet_feature_postprocessing.py"
    spec = importlib.util.spec_from_file_location("activitynet_feature_postprocessing", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.pool_feature


def main():
    pool_feature = load_pool_feature(sys.argv[1])
    csv = Path(sys.argv[2]) / "tests" / "data" / "activitynet_features" / "v_test1.csv"
    test1 = np.loadtxt(csv, dtype=np.float32, delimiter=",", skiprows=1)
    random37 = np.random.default_rng(0).standard_normal((37, 6)).astype(np.float32)
    tensors = [
        ("test1", test1),
        ("test1_to_100", pool_feature(test1, 100)),
        ("random37", random37),
        ("random37_to_10", pool_feature(random37, 10)),
        ("random37_max_to_16", pool_feature(random37, 16, num_sample_bins=4, pool_type="max")),
    ]
    entries, _ = write_tensors(os.path.join(HERE, "resampling.bin"),
                               [(name, torch.from_numpy(np.ascontiguousarray(value))) for name, value in tensors])
    with open(os.path.join(HERE, "resampling.json"), "w") as f:
        import json
        json.dump({"dtype": "float32", "byteOrder": "little", "tensors": entries}, f, indent=1)


if __name__ == "__main__":
    main()
