#!/usr/bin/env python3
"""Splits oneDNN's time in a forward pass by what each primitive does, from a DNNL_VERBOSE=1 log.

ND4J M2.1's oneDNN convolution helper hands oneDNN plain layouts (NDHWC or NCDHW) and lets it choose its
own. Where oneDNN's kernel wants its blocked layout (AVX2: 8 channels a block), every convolution then
reorders four times: its input, its weights, its output *before* it runs (ND4J loads the uninitialised
output array into the blocked layout as if it were an input) and its output after. This script tells
those reorders apart by where they sit around each convolution and prints the per-call median of each:

    DNNL_VERBOSE=1 ./action4j benchmark CONFIG --warmup 2 --iterations 6 > run.log
    benchmarks/onednn_reorders.py run.log 6

A call is taken to start at the convolution with 3 input channels (the stem) and the reorders just before
it, so the script fits models whose first layer is a convolution on RGB.
"""
import collections
import statistics
import sys

WEIGHT_LAYOUTS = ("ABcde", "Acdeb", "aBCde")


def exec_rows(path):
    with open(path, errors="replace") as log:
        return [line.rstrip("\n").split(",") for line in log if "_verbose,exec," in line]


def split_calls(rows):
    starts = [i for i, row in enumerate(rows) if row[3] == "convolution" and "_ic3oc" in row[-2]]
    if not starts:
        sys.exit("no convolution on 3 input channels in the log: is it a DNNL_VERBOSE=1 log of a forward pass?")
    calls = []
    for n, start in enumerate(starts):
        # The stem's own reorders (input, weights, output) come just before it.
        begin = start
        while begin > 0 and rows[begin - 1][3] == "reorder" and start - begin < 3:
            begin -= 1
        end = len(rows) if n + 1 == len(starts) else starts[n + 1]
        calls.append((begin, end))
    # Trim each call's end to where the next one's reorders begin.
    trimmed = []
    for n, (begin, end) in enumerate(calls):
        next_begin = calls[n + 1][0] if n + 1 < len(calls) else end
        trimmed.append(rows[begin:min(end, next_begin)])
    return trimmed


def roles_of(call):
    """Milliseconds and counts by role within one call."""
    millis = collections.defaultdict(float)
    counts = collections.defaultdict(int)

    def add(role, row):
        millis[role] += float(row[-1])
        counts[role] += 1

    pending = []
    skip = set()
    for i, row in enumerate(call):
        if i in skip:
            continue
        kind = row[3]
        if kind == "reorder":
            pending.append(row)
            continue
        if kind == "convolution":
            after_weights = False
            for reorder in pending:
                if any(layout in reorder[6] for layout in WEIGHT_LAYOUTS):
                    add("reorder: weights", reorder)
                    after_weights = True
                elif after_weights:
                    add("reorder: output before the convolution (uninitialised)", reorder)
                else:
                    add("reorder: input", reorder)
            # The output comes back out of the blocked layout right after the convolution.
            if i + 1 < len(call) and call[i + 1][3] == "reorder" and call[i + 1][6].startswith("src_f32::blocked:aB"):
                add("reorder: output after the convolution", call[i + 1])
                skip.add(i + 1)
            add("convolution " + row[4], row)
        else:
            for reorder in pending:
                add("reorder: other", reorder)
            add(kind + " " + row[4], row)
        pending = []
    for reorder in pending:
        add("reorder: other", reorder)
    return millis, counts


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    rows = exec_rows(sys.argv[1])
    calls = split_calls(rows)
    last = int(sys.argv[2]) if len(sys.argv) == 3 else 1
    calls = calls[-last:]
    per_role = collections.defaultdict(list)
    counts = {}
    totals = []
    for call in calls:
        millis, count = roles_of(call)
        for role, value in millis.items():
            per_role[role].append(value)
            counts[role] = count[role]
        totals.append(sum(millis.values()))
    print(f"oneDNN primitives, median over the last {len(calls)} calls")
    print(f"| what | per call | ms per call |")
    print(f"| --- | --- | --- |")
    for role, values in sorted(per_role.items(), key=lambda item: -statistics.median(item[1])):
        print(f"| {role} | {counts[role]} | {statistics.median(values):.1f} |")
    print(f"| all of oneDNN | | {statistics.median(totals):.1f} |")


if __name__ == "__main__":
    main()
