#!/usr/bin/python3
"""Reference checksums of the rawframe fixture folder, decoded the way MMAction2 decodes rawframes:
with OpenCV (cv2.imread, BGR converted to RGB; flow components as grayscale).

Independent of action4j: run with Debian's python3-opencv (apt install python3-opencv), from this folder:
    /usr/bin/python3 make_rawframe_md5.py ../../../../../../../shared/fixtures/mmaction2
Writes imgs_rgb.md5 (one MD5 of the packed H x W x 3 RGB bytes per frame, img_00001.jpg first) and
imgs_flow.md5 (per frame: MD5 of the x and y components interleaved, H x W x 2). Written with cv2 4.6.
"""
import hashlib
import sys
from pathlib import Path

import cv2

imgs = Path(sys.argv[1]) / "tests" / "data" / "imgs"

with open("imgs_rgb.md5", "w") as out:
    for n in range(1, 11):
        bgr = cv2.imread(str(imgs / f"img_{n:05d}.jpg"), cv2.IMREAD_COLOR)
        rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
        out.write(hashlib.md5(rgb.tobytes()).hexdigest() + "\n")

with open("imgs_flow.md5", "w") as out:
    for n in range(1, 6):
        x = cv2.imread(str(imgs / f"x_{n:05d}.jpg"), cv2.IMREAD_GRAYSCALE)
        y = cv2.imread(str(imgs / f"y_{n:05d}.jpg"), cv2.IMREAD_GRAYSCALE)
        both = cv2.merge([x, y])  # H x W x 2, x first
        out.write(hashlib.md5(both.tobytes()).hexdigest() + "\n")
print("wrote imgs_rgb.md5 and imgs_flow.md5")
