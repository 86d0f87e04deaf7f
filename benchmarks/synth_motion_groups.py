#!/usr/bin/env python3
"""Per-group accuracy on the synthetic motion benchmark, the last three columns of its table in
docs/performance.md: the share of test videos predicted right among the translation classes
(move_left/right/up/down), the rotations (rotate_cw/ccw) and the rest (grow, shrink, still).

    python3 benchmarks/synth_motion_groups.py data/synth work_dirs/NAME/pred.jsonl

DATA is the folder `action4j synth` wrote (classes.txt, test.txt); PRED a predictions file of the
test videos (`action4j test ... --dump`, or `action4j eval fuse ... --out`). The prediction is the
argmax, ties to the lowest class index, as `eval recognition` counts it. Standard library only.
"""
import json
import sys
from pathlib import Path

GROUPS = {
    "translation": ["move_left", "move_right", "move_up", "move_down"],
    "rotation": ["rotate_cw", "rotate_ccw"],
    "scale + still": ["grow", "shrink", "still"],
}


def main(data, predictions):
    classes = Path(data, "classes.txt").read_text().split()
    truth = {}
    for line in Path(data, "test.txt").read_text().splitlines():
        if line.strip():
            path, label = line.split()
            truth[path] = int(label)
    hits = {group: [0, 0] for group in GROUPS}
    for line in Path(predictions).read_text().splitlines():
        if not line.strip():
            continue
        prediction = json.loads(line)
        video = prediction["video"]
        matches = [path for path in truth if video == path or video.endswith("/" + path)]
        if len(matches) != 1:
            sys.exit(f"{predictions}: {video} is not one of {data}/test.txt's videos")
        label = truth[matches[0]]
        scores = prediction["scores"]
        predicted = max(range(len(scores)), key=lambda c: (scores[c], -c))
        for group, names in GROUPS.items():
            if classes[label] in names:
                hits[group][0] += predicted == label
                hits[group][1] += 1
    print(" | ".join(f"{group} {100 * right / total:.1f}%" for group, (right, total) in hits.items()))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
