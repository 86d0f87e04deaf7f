#!/usr/bin/python3
"""Reference flow fields for FlowParityTest, from Debian's python3-opencv (cv2 4.6).

Run with Debian's interpreter from this folder:  /usr/bin/python3 make_flow_fixture.py
It reads three real frames of MMAction2's test data (../shared/fixtures, beside the repository), shrinks
them to 128x96 (INTER_AREA) and writes:
  frame_N.rgb        the shrunken frames, uint8 RGB, H x W x 3 (the inputs the Java side gets)
  NAME.f32           flow fields as OpenCV returns them: float32 little-endian, H x W x 2 (x, y)
  fixture.json       the sizes, cv2's version and each field's algorithm, parameters and frame pair
  warped_farneback_pan.properties
                     warped Farneback flow on a 4-pixel pan over scene_320x240.jpg (MMAction2's img_00001.jpg):
                     the MD5s of the decoded scene and of the float32 field, which Java matches bit for bit
"""
import hashlib
import json
import os

import cv2
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
IMGS = os.path.join(HERE, "../../../../../../../shared/fixtures/mmaction2/tests/data/imgs")
WIDTH, HEIGHT = 128, 96

frames = []
for n in (1, 2, 3):
    bgr = cv2.imread(os.path.join(IMGS, "img_%05d.jpg" % n), cv2.IMREAD_COLOR)
    small = cv2.resize(bgr, (WIDTH, HEIGHT), interpolation=cv2.INTER_AREA)
    rgb = cv2.cvtColor(small, cv2.COLOR_BGR2RGB)
    rgb.tofile(os.path.join(HERE, "frame_%d.rgb" % (n - 1)))
    frames.append(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY))

FARNEBACK = dict(pyrScale=0.5, levels=3, winSize=15, iterations=3, polyN=5, polySigma=1.2, gaussian=False)
TVL1 = dict(tau=0.25, lambda_=0.15, theta=0.3, scales=5, warps=5, epsilon=0.01, innerIterations=30,
            outerIterations=10, scaleStep=0.8, gamma=0.0, medianFiltering=5)


def farneback(a, b, p):
    flags = cv2.OPTFLOW_FARNEBACK_GAUSSIAN if p["gaussian"] else 0
    return cv2.calcOpticalFlowFarneback(a, b, None, p["pyrScale"], p["levels"], p["winSize"], p["iterations"],
                                        p["polyN"], p["polySigma"], flags)


def tvl1(a, b, p):
    algorithm = cv2.optflow.DualTVL1OpticalFlow_create(p["tau"], p["lambda_"], p["theta"], p["scales"], p["warps"],
                                                        p["epsilon"], p["innerIterations"], p["outerIterations"],
                                                        p["scaleStep"], p["gamma"], p["medianFiltering"], False)
    return algorithm.calc(a, b, None)


def dis(a, b, preset):
    presets = {"ultrafast": cv2.DISOPTICAL_FLOW_PRESET_ULTRAFAST, "fast": cv2.DISOPTICAL_FLOW_PRESET_FAST,
               "medium": cv2.DISOPTICAL_FLOW_PRESET_MEDIUM}
    return cv2.DISOpticalFlow_create(presets[preset]).calc(a, b, None)


fields = {
    "farneback_0_1": ("farneback", FARNEBACK, 0, 1, farneback(frames[0], frames[1], FARNEBACK)),
    "farneback_1_0": ("farneback", FARNEBACK, 1, 0, farneback(frames[1], frames[0], FARNEBACK)),
    "farneback_gaussian_1_2": ("farneback", dict(FARNEBACK, gaussian=True, winSize=11), 1, 2,
                               farneback(frames[1], frames[2], dict(FARNEBACK, gaussian=True, winSize=11))),
    "tvl1_0_1": ("tvl1", TVL1, 0, 1, tvl1(frames[0], frames[1], TVL1)),
    "dis_medium_0_1": ("dis", {"preset": "medium"}, 0, 1, dis(frames[0], frames[1], "medium")),
    "dis_fast_0_1": ("dis", {"preset": "fast"}, 0, 1, dis(frames[0], frames[1], "fast")),
}
manifest = {"width": WIDTH, "height": HEIGHT, "cv2": cv2.__version__, "fields": {}}
for name, (algorithm, params, first, second, flow) in fields.items():
    assert flow.shape == (HEIGHT, WIDTH, 2) and flow.dtype == np.float32
    flow.astype("<f4").tofile(os.path.join(HERE, name + ".f32"))
    manifest["fields"][name] = {"algorithm": algorithm, "params": params, "from": first, "to": second,
                                "maxAbs": float(np.abs(flow).max())}
with open(os.path.join(HERE, "fixture.json"), "w") as out:
    json.dump(manifest, out, indent=2, sort_keys=True)
    out.write("\n")


# Warped flow: a 288x216 window over the scene, then the window moved 4 px right; the second frame is warped onto
# the first by the homography of matched ORB features (as the plugin's CameraMotion does), then Farneback.
scene = cv2.cvtColor(cv2.imread(os.path.join(HERE, "scene_320x240.jpg"), cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
first = cv2.cvtColor(np.ascontiguousarray(scene[8:8 + 216, 8:8 + 288]), cv2.COLOR_RGB2GRAY)
second = cv2.cvtColor(np.ascontiguousarray(scene[8:8 + 216, 12:12 + 288]), cv2.COLOR_RGB2GRAY)
orb = cv2.ORB_create()
first_points, first_descriptors = orb.detectAndCompute(first, None)
second_points, second_descriptors = orb.detectAndCompute(second, None)
matches = cv2.BFMatcher(cv2.NORM_HAMMING, crossCheck=True).match(second_descriptors, first_descriptors)
source = np.float32([second_points[m.queryIdx].pt for m in matches]).reshape(-1, 1, 2)
target = np.float32([first_points[m.trainIdx].pt for m in matches]).reshape(-1, 1, 2)
homography, _ = cv2.findHomography(source, target, cv2.RANSAC, 3.0, maxIters=2000, confidence=0.995)
aligned = cv2.warpPerspective(second, homography, (288, 216), flags=cv2.INTER_LINEAR,
                              borderMode=cv2.BORDER_REPLICATE, borderValue=0)
warped = farneback(first, aligned, FARNEBACK)
with open(os.path.join(HERE, "warped_farneback_pan.properties"), "w") as out:
    out.write("# written by make_flow_fixture.py with cv2 %s: %d matches\n" % (cv2.__version__, len(matches)))
    out.write("sceneMd5=%s\n" % hashlib.md5(scene.tobytes()).hexdigest())
    out.write("flowMd5=%s\n" % hashlib.md5(warped.astype("<f4").tobytes()).hexdigest())
    out.write("flowMeanX=%r\n" % float(warped[..., 0].mean()))
