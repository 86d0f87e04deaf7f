package io.action4j.plugins.tfjs.nanodet;

import java.util.ArrayList;
import java.util.List;

/**
 * NanoDet's (generalized focal loss) head outputs to boxes for one class. Per stride, cells are row-major over
 * the {@code (size / stride)^2} grid; each has sigmoid class scores and, per side (left, top, right, bottom),
 * {@code regMax + 1} logits whose softmax expectation times the stride is the distance from the cell centre
 * {@code ((col + 0.5) * stride, (row + 0.5) * stride)} to that side.
 */
final class NanoDetDecoder {

    static final int CLASSES = 80;
    static final int BINS = 11;
    static final int SIDES = 4;

    private final int inputSize;

    NanoDetDecoder(int inputSize) {
        this.inputSize = inputSize;
    }

    /**
     * @param scores one stride's {@code cells x 80} sigmoid scores, row-major
     * @param distributions the same cells' {@code cells x 44} side logits
     * @return the boxes of {@code classIndex} scoring above {@code threshold}, clipped to the input, as fractions
     */
    List<Detection> decode(int stride, float[] scores, float[] distributions, int classIndex, double threshold) {
        int side = inputSize / stride;
        int cells = side * side;
        if (scores.length != cells * CLASSES || distributions.length != cells * SIDES * BINS) {
            throw new IllegalArgumentException("stride " + stride + ": expected " + cells + " cells of " + CLASSES
                    + " scores and " + SIDES * BINS + " logits, got " + scores.length + " and " + distributions.length);
        }
        List<Detection> found = new ArrayList<>();
        double[] distance = new double[SIDES];
        for (int cell = 0; cell < cells; cell++) {
            float score = scores[cell * CLASSES + classIndex];
            if (!(score > threshold)) {
                continue;
            }
            for (int s = 0; s < SIDES; s++) {
                distance[s] = expectation(distributions, (cell * SIDES + s) * BINS) * stride;
            }
            double centreX = (cell % side + 0.5) * stride;
            double centreY = (cell / side + 0.5) * stride;
            found.add(new Detection(fraction(centreX - distance[0]), fraction(centreY - distance[1]),
                    fraction(centreX + distance[2]), fraction(centreY + distance[3]), score));
        }
        return found;
    }

    /** The softmax-weighted mean bin index of {@code BINS} logits starting at {@code offset}. */
    private static double expectation(float[] logits, int offset) {
        double largest = Double.NEGATIVE_INFINITY;
        for (int bin = 0; bin < BINS; bin++) {
            largest = Math.max(largest, logits[offset + bin]);
        }
        double total = 0;
        double weighted = 0;
        for (int bin = 0; bin < BINS; bin++) {
            double weight = Math.exp(logits[offset + bin] - largest);
            total += weight;
            weighted += weight * bin;
        }
        return weighted / total;
    }

    private float fraction(double coordinate) {
        return (float) (Math.min(Math.max(coordinate, 0), inputSize) / inputSize);
    }
}
