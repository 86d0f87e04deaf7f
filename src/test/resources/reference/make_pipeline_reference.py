#!/usr/bin/python3
"""Reference for the end-to-end pipeline test (PipelineShowEndToEndTest), from independent tools:
frames decoded by the Debian ffmpeg CLI (RGB24), resized with OpenCV's bilinear cv2.resize (what
MMAction2's Resize runs), centre-cropped and laid out NCTHW with numpy, as MMAction2's test pipeline
SampleFrames(clip_len=16, frame_interval=1, num_clips=1, test_mode=True) -> Resize(scale=(-1, 128))
-> CenterCrop(112) -> FormatShape('NCTHW') computes them for demo/demo.mp4 (340x256, 280 frames).

Run with Debian's python3-opencv (apt install ffmpeg python3-opencv), from this folder:
    /usr/bin/python3 make_pipeline_reference.py ../../../../shared/fixtures/mmaction2/demo/demo.mp4
Writes demo_16x1x1_resize128_crop112.md5: the MD5 of the uint8 tensor bytes (1x3x16x112x112, C order).
"""
import hashlib
import subprocess
import sys

import cv2
import numpy as np

video = sys.argv[1]
width, height, frames = 340, 256, 280
clip_len = 16
# SampleFrames test mode, one clip: offset = int((frames - clip_len + 1) / 2.0) (float, then truncated).
start = int((frames - clip_len + 1) / 1 / 2.0)
raw = subprocess.run(["ffmpeg", "-v", "error", "-i", video, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
                     check=True, capture_output=True).stdout
all_frames = np.frombuffer(raw, np.uint8).reshape(-1, height, width, 3)
clip = all_frames[start:start + clip_len]
# Resize (-1, 128), keep ratio: scale = min(inf / 340, 128 / 256); size = int(x * scale + 0.5).
scale = min(float("inf") / width, 128 / height)
new_w, new_h = int(width * scale + 0.5), int(height * scale + 0.5)
resized = [cv2.resize(f, (new_w, new_h), interpolation=cv2.INTER_LINEAR) for f in clip]
left, top = (new_w - 112) // 2, (new_h - 112) // 2
cropped = np.stack([f[top:top + 112, left:left + 112] for f in resized])  # T x H x W x C
tensor = np.ascontiguousarray(cropped.transpose(3, 0, 1, 2)[None])       # 1 x C x T x H x W
with open("demo_16x1x1_resize128_crop112.md5", "w") as out:
    out.write(f"{hashlib.md5(tensor.tobytes()).hexdigest()}  start={start} size={new_w}x{new_h} crop=({left},{top})\n")
print(open("demo_16x1x1_resize128_crop112.md5").read(), end="")
