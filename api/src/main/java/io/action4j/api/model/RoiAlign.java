package io.action4j.api.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * RoIAlign as {@code torchvision.ops.roi_align} (and mmcv's {@code RoIAlign}) computes it, composed
 * from ops ND4J has: the sampling points of every output bin and their bilinear weights depend on
 * the boxes, so they are computed here, in float32 with torchvision's arithmetic ({@link #plan}),
 * and the graph applies them as one matrix product, {@code (R x bins) x (N x H x W)} weights times
 * the features' {@code (N x H x W) x C} rows ({@link #build}), which makes the output differentiable
 * with respect to the features (the boxes get no gradient, as in torchvision). ND4J's gather has no
 * accumulating gradient for repeated rows, which bilinear sampling needs; a matrix product does.
 *
 * <p>Conventions: boxes are {@code (batch index, x1, y1, x2, y2)} in input pixels, scaled by
 * {@code spatialScale}; {@code aligned} shifts them by half a pixel; without it a box is at least one
 * pixel wide and high; {@code samplingRatio} points per bin along each axis, or
 * {@code ceil(box size / output size)} when 0 (adaptive); points more than one pixel outside the map
 * count zero, others are clamped to its edge; each bin is the mean of its points.
 */
public final class RoiAlign {

    private RoiAlign() {
    }

    /**
     * Where each output bin samples: for {@code R} boxes and {@code P = pooledHeight x pooledWidth}
     * bins, {@code K} (row, weight) pairs a bin, rows indexing the features flattened as
     * {@code (batch x H x W) x C}; unused pairs have weight 0.
     */
    public record Plan(int boxes, int pooledHeight, int pooledWidth, int pairsPerBin, int[] rows, float[] weights,
                       int mapRows) {

        public Plan {
            long expected = (long) boxes * pooledHeight * pooledWidth * pairsPerBin;
            if (rows.length != expected || weights.length != expected) {
                throw new IllegalArgumentException("a plan of " + boxes + " boxes, " + pooledHeight + " x "
                        + pooledWidth + " bins and " + pairsPerBin + " pairs a bin needs " + expected + " entries");
            }
        }

        /**
         * The weights as the matrix {@link #build} reads: (boxes x bins) x (batch x H x W), row-major; a
         * point's weights add up where several land on one feature row.
         */
        public float[] matrix() {
            int bins = boxes * pooledHeight * pooledWidth;
            float[] matrix = new float[Math.multiplyExact(bins, mapRows)];
            for (int bin = 0; bin < bins; bin++) {
                for (int k = 0; k < pairsPerBin; k++) {
                    int at = bin * pairsPerBin + k;
                    matrix[bin * mapRows + rows[at]] += weights[at];
                }
            }
            return matrix;
        }
    }

    /**
     * @param boxes R x 5 row-major: batch index, x1, y1, x2, y2
     * @param batch, height, width the feature map's batch size and spatial size
     * @throws IllegalArgumentException naming a box whose batch index is outside the batch
     */
    public static Plan plan(float[] boxes, int batch, int height, int width, int pooledHeight, int pooledWidth,
                            float spatialScale, int samplingRatio, boolean aligned) {
        if (boxes.length % 5 != 0) {
            throw new IllegalArgumentException("boxes are rows of 5 values (batch index, x1, y1, x2, y2); got "
                    + boxes.length + " values");
        }
        int count = boxes.length / 5;
        int[][] grids = new int[count][2];
        int pairs = 4;
        for (int r = 0; r < count; r++) {
            float[] box = box(boxes, r, spatialScale, aligned);
            grids[r][0] = samplingRatio > 0 ? samplingRatio : (int) Math.ceil(box[3] / pooledHeight);
            grids[r][1] = samplingRatio > 0 ? samplingRatio : (int) Math.ceil(box[2] / pooledWidth);
            pairs = Math.max(pairs, 4 * grids[r][0] * grids[r][1]);
        }
        int bins = pooledHeight * pooledWidth;
        int[] rows = new int[count * bins * pairs];
        float[] weights = new float[rows.length];
        for (int r = 0; r < count; r++) {
            int image = (int) boxes[r * 5];
            if (image < 0 || image >= batch || boxes[r * 5] != image) {
                throw new IllegalArgumentException("box " + r + " names image " + boxes[r * 5] + " of a batch of "
                        + batch);
            }
            float[] box = box(boxes, r, spatialScale, aligned);
            float binHeight = box[3] / pooledHeight;
            float binWidth = box[2] / pooledWidth;
            int gridHeight = grids[r][0];
            int gridWidth = grids[r][1];
            float samples = Math.max(gridHeight * gridWidth, 1);
            for (int ph = 0; ph < pooledHeight; ph++) {
                for (int pw = 0; pw < pooledWidth; pw++) {
                    int at = ((r * pooledHeight + ph) * pooledWidth + pw) * pairs;
                    for (int iy = 0; iy < gridHeight; iy++) {
                        float y = box[1] + ph * binHeight + (iy + .5f) * binHeight / gridHeight;
                        for (int ix = 0; ix < gridWidth; ix++) {
                            float x = box[0] + pw * binWidth + (ix + .5f) * binWidth / gridWidth;
                            at = bilinear(image, height, width, y, x, samples, rows, weights, at);
                        }
                    }
                }
            }
        }
        return new Plan(count, pooledHeight, pooledWidth, pairs, rows, weights, batch * height * width);
    }

    /** {x1, y1, width, height} of box r in feature coordinates, as torchvision computes them in float. */
    private static float[] box(float[] boxes, int r, float spatialScale, boolean aligned) {
        float offset = aligned ? 0.5f : 0f;
        float x1 = boxes[r * 5 + 1] * spatialScale - offset;
        float y1 = boxes[r * 5 + 2] * spatialScale - offset;
        float x2 = boxes[r * 5 + 3] * spatialScale - offset;
        float y2 = boxes[r * 5 + 4] * spatialScale - offset;
        float boxWidth = x2 - x1;
        float boxHeight = y2 - y1;
        if (!aligned) {
            boxWidth = Math.max(boxWidth, 1f);
            boxHeight = Math.max(boxHeight, 1f);
        }
        return new float[] {x1, y1, boxWidth, boxHeight};
    }

    /** The four corners of point (y, x) with torchvision's weights, divided by the bin's point count. */
    private static int bilinear(int image, int height, int width, float y, float x, float samples, int[] rows,
                                float[] weights, int at) {
        if (y < -1.0f || y > height || x < -1.0f || x > width) {
            return at + 4; // outside: contributes nothing (the pairs keep weight 0)
        }
        if (y <= 0) {
            y = 0;
        }
        if (x <= 0) {
            x = 0;
        }
        int yLow = (int) y;
        int xLow = (int) x;
        int yHigh;
        int xHigh;
        if (yLow >= height - 1) {
            yHigh = yLow = height - 1;
            y = yLow;
        } else {
            yHigh = yLow + 1;
        }
        if (xLow >= width - 1) {
            xHigh = xLow = width - 1;
            x = xLow;
        } else {
            xHigh = xLow + 1;
        }
        float ly = y - yLow;
        float lx = x - xLow;
        float hy = 1f - ly;
        float hx = 1f - lx;
        int base = image * height;
        rows[at] = (base + yLow) * width + xLow;
        weights[at] = hy * hx / samples;
        rows[at + 1] = (base + yLow) * width + xHigh;
        weights[at + 1] = hy * lx / samples;
        rows[at + 2] = (base + yHigh) * width + xLow;
        weights[at + 2] = ly * hx / samples;
        rows[at + 3] = (base + yHigh) * width + xHigh;
        weights[at + 3] = ly * lx / samples;
        return at + 4;
    }

    /**
     * The pooled features, R x C x pooledHeight x pooledWidth, from {@code features} (N x C x H x W) and
     * a {@link Plan}'s {@link Plan#matrix} fed as a placeholder (FLOAT, (R x bins) x (N x H x W)).
     */
    public static Feature build(GraphBuilder graph, String name, Feature features, SDVariable matrix,
                                int pooledHeight, int pooledWidth) {
        TensorShape in = features.shape();
        if (in.rank() != 4) {
            throw new GraphBuildException(graph.qualified(name) + ": RoIAlign reads N x C x H x W features, got " + in);
        }
        SameDiff sd = graph.sameDiff();
        long channels = in.dim(1);
        // (N x H x W) x C: one feature row per position.
        SDVariable table = sd.reshape(sd.permute(features.variable(), 0, 2, 3, 1), -1, channels);
        SDVariable perBin = sd.mmul(matrix, table);
        SDVariable pooled = sd.permute(graph.qualified(name), sd.reshape(perBin, -1, pooledHeight, pooledWidth, channels),
                0, 3, 1, 2);
        return new Feature(pooled, TensorShape.of(TensorShape.UNKNOWN, channels, pooledHeight, pooledWidth));
    }
}
