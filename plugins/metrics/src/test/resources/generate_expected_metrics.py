#!/usr/bin/env python3
"""Writes expected_metrics.json: MMAction2's recognition metrics on random cases.

What it reproduces: top_k_accuracy, mean_class_accuracy, confusion_matrix,
mean_average_precision, mmit_mean_average_precision and
binary_precision_recall_curve as written in MMAction2 v1.2.0
(open-mmlab/mmaction2, tag v1.2.0, commit 4d6c934,
mmaction/evaluation/functional/accuracy.py; AccMetric in
mmaction/evaluation/metrics/acc_metric.py calls them with topk=(1, 5) by
default). The functions below keep MMAction2's numpy operations, in the same
order, so the floating-point results are the same bit for bit; the Java test
compares them exactly.

Scores are small integers (float32 in Java): the metrics depend only on the
order and equality of scores, and integers keep the fixture small. Cases with
"checkTopK": true have no equal scores within a row, because numpy's default
argsort leaves the order of ties undefined (action4j breaks them towards the
lowest class index; hand-computed tie cases are in the Java tests). argmax
(mean class accuracy) takes the first maximum in numpy as in action4j, so
cases with ties still check mean class accuracy and the confusion matrix.
NaN results are written as null.

Rerun (numpy; written with numpy 1.24.2), from the repository root:
    /usr/bin/python3 plugins/metrics/src/test/resources/generate_expected_metrics.py
"""
import json
import math
import os

import numpy as np


# ---- MMAction2 v1.2.0, mmaction/evaluation/functional/accuracy.py (same numpy operations) ----

def confusion_matrix(y_pred, y_real):
    y_pred = np.asarray(y_pred, dtype=np.int64)
    y_real = np.asarray(y_real, dtype=np.int64)
    label_set = np.unique(np.concatenate((y_pred, y_real)))
    num_labels = len(label_set)
    label_map = np.zeros(label_set[-1] + 1, dtype=np.int64)
    for i, label in enumerate(label_set):
        label_map[label] = i
    mat = np.bincount(num_labels * label_map[y_real] + label_map[y_pred],
                      minlength=num_labels ** 2).reshape(num_labels, num_labels)
    return label_set, mat


def mean_class_accuracy(scores, labels):
    pred = np.argmax(scores, axis=1)
    _, cf_mat = confusion_matrix(pred, labels)
    cf_mat = cf_mat.astype(float)
    cls_cnt = cf_mat.sum(axis=1)
    cls_hit = np.diag(cf_mat)
    return np.mean([hit / cnt if cnt else 0.0 for cnt, hit in zip(cls_cnt, cls_hit)])


def top_k_accuracy(scores, labels, topk):
    res = []
    labels = np.array(labels)[:, np.newaxis]
    for k in topk:
        max_k_preds = np.argsort(scores, axis=1)[:, -k:][:, ::-1]
        match_array = np.logical_or.reduce(max_k_preds == labels, axis=1)
        res.append(match_array.sum() / match_array.shape[0])
    return res


def binary_precision_recall_curve(y_score, y_true):
    y_true = (y_true == 1)
    desc_score_indices = np.argsort(y_score, kind='mergesort')[::-1]
    y_score = y_score[desc_score_indices]
    y_true = y_true[desc_score_indices]
    distinct_value_inds = np.where(np.diff(y_score))[0]
    threshold_inds = np.r_[distinct_value_inds, y_true.size - 1]
    tps = np.cumsum(y_true)[threshold_inds]
    fps = 1 + threshold_inds - tps
    thresholds = y_score[threshold_inds]
    precision = tps / (tps + fps)
    precision[np.isnan(precision)] = 0
    with np.errstate(invalid='ignore'):  # MMAction2 lets numpy warn here
        recall = tps / tps[-1]
    last_ind = tps.searchsorted(tps[-1])
    sl = slice(last_ind, None, -1)
    return np.r_[precision[sl], 1], np.r_[recall[sl], 0], thresholds[sl]


def mean_average_precision(scores, labels):
    results = []
    scores = np.stack(scores).T
    labels = np.stack(labels).T
    for score, label in zip(scores, labels):
        precision, recall, _ = binary_precision_recall_curve(score, label)
        results.append(-np.sum(np.diff(recall) * np.array(precision)[:-1]))
    results = [x for x in results if not np.isnan(x)]
    if results == []:
        return np.nan
    return np.mean(results)


def mmit_mean_average_precision(scores, labels):
    results = []
    for score, label in zip(scores, labels):
        precision, recall, _ = binary_precision_recall_curve(score, label)
        results.append(-np.sum(np.diff(recall) * np.array(precision)[:-1]))
    return np.mean(results)


# ---- cases ----

def number(value):
    value = float(value)
    return None if math.isnan(value) else value


def single_label_case(name, scores, labels, topk, check_top_k):
    scores = np.asarray(scores, dtype=np.float32)
    labels = [int(x) for x in labels]
    if check_top_k:
        assert all(len(np.unique(row)) == len(row) for row in scores), name + ': ties'
    pred = np.argmax(scores, axis=1)
    classes, matrix = confusion_matrix(pred, labels)
    case = {
        'name': name,
        'kind': 'single_label',
        'scores': scores.astype(int).tolist(),
        'labels': labels,
        'checkTopK': check_top_k,
        'topk': list(topk),
        'meanClassAccuracy': number(mean_class_accuracy(list(scores), labels)),
        'confusionClasses': [int(c) for c in classes],
        # the non-zero cells [true class, predicted class, count], rows then columns ascending
        'confusionCells': [[int(classes[r]), int(classes[k]), int(matrix[r, k])]
                           for r in range(len(classes)) for k in range(len(classes)) if matrix[r, k]],
    }
    if check_top_k:
        case['topKAccuracy'] = [number(v) for v in top_k_accuracy(list(scores), labels, topk)]
    return case


def multi_label_case(name, scores, hot):
    scores = np.asarray(scores, dtype=np.float32)
    hot = np.asarray(hot, dtype=np.int64)
    return {
        'name': name,
        'kind': 'multi_label',
        'scores': scores.astype(int).tolist(),
        'labels': [[int(c) for c in np.flatnonzero(row)] for row in hot],
        'meanAveragePrecision': number(mean_average_precision(list(scores), list(hot))),
        'mmitMeanAveragePrecision': number(mmit_mean_average_precision(list(scores), list(hot))),
    }


def permutation_scores(rng, n, c):
    return np.stack([rng.permutation(c) for _ in range(n)])


def main():
    rng = np.random.default_rng(20261122)
    cases = []
    for n, c in [(1, 3), (4, 3), (7, 5), (12, 5), (20, 10), (50, 10), (33, 17), (60, 30)]:
        for variant in range(3):
            labels = rng.integers(0, c, n)
            if variant == 2:
                # labels from a few classes only: other classes appear as predictions alone
                labels = rng.integers(0, max(1, c // 3), n)
            cases.append(single_label_case(f'random n={n} c={c} #{variant}', permutation_scores(rng, n, c),
                                           labels, tuple(dict.fromkeys((1, 2, 5, c, c + 3))), True))

    # Equal scores in a row: argmax takes the first of them, in numpy and in action4j.
    n, c = 60, 20
    scores = np.zeros((n, c), dtype=np.int64)
    for i in range(n):
        hot = rng.choice(c, size=4, replace=False)
        scores[i, hot] = rng.integers(1, 4, 4)  # ties among the nonzero scores too: argmax takes the first
    labels = np.r_[np.arange(c), rng.integers(0, c, n - c)]
    cases.append(single_label_case(f'sparse ties n={n} c={c}', scores, labels, (1, 5), False))

    for n, c, levels, p in [(5, 4, 3, 0.5), (12, 6, 4, 0.3), (30, 8, 10, 0.25), (40, 20, 5, 0.2),
                            (25, 140, 6, 0.15)]:
        for variant in range(2):
            scores = rng.integers(0, levels, (n, c))
            hot = (rng.random((n, c)) < p).astype(np.int64)
            if variant == 0:
                hot[:, 0] = 0  # a class without positives: NaN, left out of mAP
                hot[hot.sum(axis=1) == 0, 1] = 1  # every sample has a positive: mmit mAP is a number
            else:
                hot[0, :] = 0  # a sample without positives: mmit mAP is NaN
            cases.append(multi_label_case(f'multi-label n={n} c={c} levels={levels} #{variant}', scores, hot))

    # np.sum / np.mean as the means above use them (pairwise summation): values the Java test can
    # recompute exactly, ((i * 7919) % 1009) / 997.0, summed for lengths around numpy's block sizes.
    sums = []
    for length in [1, 7, 8, 9, 16, 127, 128, 129, 136, 255, 256, 257, 1000, 4099]:
        values = np.array([((i * 7919) % 1009) / 997.0 for i in range(length)])
        naive = 0.0
        for v in values:
            naive += float(v)
        sums.append({'length': length, 'sum': float(np.sum(values)), 'mean': float(np.mean(values)),
                     'leftToRight': naive})

    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'expected_metrics.json')
    with open(out, 'w') as f:
        json.dump({'numpy': np.__version__, 'mmaction2': 'v1.2.0 (4d6c934)', 'cases': cases, 'numpySums': sums}, f,
                  separators=(',', ':'))
        f.write('\n')
    print(f'wrote {len(cases)} cases to {out}')


if __name__ == '__main__':
    main()
