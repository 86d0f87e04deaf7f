#!/usr/bin/python3
"""Boxes through resize, centre crop and flip, with MMAction2 v1.2.0's arithmetic re-derived in numpy
(mmaction/datasets/transforms/processing.py): Resize with keep_ratio and scale (-1, S) rescales the short
side to S (mmcv.rescale_size: new size int(x * factor + 0.5)) and multiplies boxes by the float32
(new_w / w, new_h / h); CenterCrop takes left = (w - cw) // 2, top = (h - ch) // 2 and _box_crop shifts
boxes by (left, top) and clips x to [0, cw - 1], y to [0, ch - 1]; Flip (horizontal) maps x1, x2 to
w - x2, w - x1. ClipBoxesEndToEndTest reads the result.

    /usr/bin/python3 make_box_pipeline_reference.py     # rewrites box_pipeline_reference.json beside it
"""
import json
import os

import numpy as np

WIDTH, HEIGHT = 340, 256          # demo.mp4
SHORT_SIDE, CROP = 100, 96
BOXES = np.array([[10.5, 20.25, 150.0, 200.0],   # inside, moved and scaled
                  [300.0, 5.0, 339.0, 255.0],     # reaches past the crop on the right and at the top
                  [100.0, 100.0, 101.0, 101.0],   # one pixel
                  [0.0, 0.0, 20.0, 240.0]], dtype=np.float32)  # left of the crop: clipped to its edge


def rescale_size(w, h, short_side):
    factor = min(np.inf / max(w, h), short_side / min(w, h))
    return int(w * float(factor) + 0.5), int(h * float(factor) + 0.5)


def main():
    new_w, new_h = rescale_size(WIDTH, HEIGHT, SHORT_SIDE)
    scale_factor = np.array([new_w / WIDTH, new_h / HEIGHT], dtype=np.float32)
    boxes = BOXES * np.concatenate([scale_factor, scale_factor])
    left, top = (new_w - CROP) // 2, (new_h - CROP) // 2
    cropped = boxes.copy()
    cropped[..., 0::2] = np.clip(boxes[..., 0::2] - left, 0, CROP - 1)
    cropped[..., 1::2] = np.clip(boxes[..., 1::2] - top, 0, CROP - 1)
    flipped = cropped.copy()
    flipped[..., 0::4] = CROP - cropped[..., 2::4]
    flipped[..., 2::4] = CROP - cropped[..., 0::4]
    out = {
        "video": "demo.mp4", "width": WIDTH, "height": HEIGHT, "shortSide": SHORT_SIDE, "crop": CROP,
        "resized": [new_w, new_h], "scaleFactor": scale_factor.tolist(), "cropLeftTop": [left, top],
        "boxes": BOXES.tolist(), "afterCrop": cropped.tolist(), "afterFlip": flipped.tolist(),
        "madeBy": "make_box_pipeline_reference.py, numpy %s" % np.__version__,
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "box_pipeline_reference.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
