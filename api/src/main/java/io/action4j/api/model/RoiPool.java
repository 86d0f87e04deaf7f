package io.action4j.api.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * RoIPool as {@code torchvision.ops.roi_pool} (and mmcv's {@code RoIPool}) computes it, composed from ops
 * ND4J has. A box is rounded to whole cells of the feature map ({@code round(x * spatialScale)}, at least
 * one cell wide and high); each of its {@code pooledHeight x pooledWidth} bins covers the cells from
 * {@code floor} to {@code ceil} of its share, clipped to the map, and takes their maximum per channel; an
 * empty bin (a box outside the map) is 0.
 *
 * <p>Which cells a bin covers depends on the boxes, so {@link #plan} lists them here; the graph picks
 * them with one matrix product (one-hot rows times the features' {@code (N x H x W) x C} rows: its
 * gradient adds up where bins share a cell, which ND4J's gather does not), pads each bin to the plan's
 * {@code K} cells with a very negative value, and takes the maximum over the {@code K} ({@link #build}).
 * The gradient reaches each bin's largest cell, as torchvision's does (two cells of exactly equal value
 * in one bin both receive it, where torchvision picks the first).
 */
public final class RoiPool {

    /** What a padding slot adds: below any feature, and still finite so that an empty bin times 0 is 0. */
    static final float PAD = -1e30f;

    private RoiPool() {
    }

    /**
     * The cells of every bin: {@code R x P} bins ({@code P = pooledHeight x pooledWidth}), each padded to
     * {@code cellsPerBin} slots.
     *
     * @param selection (bins x K) x mapRows, row-major: a 1 where a slot picks a feature row, else 0
     * @param padding bins x K: 0 for a slot that picks a cell, {@link #PAD} for a padding slot
     * @param nonEmpty bins: 1, or 0 for a bin that covers no cell
     */
    public record Plan(int boxes, int pooledHeight, int pooledWidth, int cellsPerBin, int mapRows, float[] selection,
                       float[] padding, float[] nonEmpty) {

        public int bins() {
            return boxes * pooledHeight * pooledWidth;
        }
    }

    /**
     * @param boxes R x 5 row-major: batch index, x1, y1, x2, y2 in input pixels
     * @throws IllegalArgumentException naming a box whose batch index is outside the batch
     */
    public static Plan plan(float[] boxes, int batch, int height, int width, int pooledHeight, int pooledWidth,
                            float spatialScale) {
        if (boxes.length % 5 != 0) {
            throw new IllegalArgumentException("boxes are rows of 5 values (batch index, x1, y1, x2, y2); got "
                    + boxes.length + " values");
        }
        int count = boxes.length / 5;
        int bins = count * pooledHeight * pooledWidth;
        // Per bin: image, first row, last row (exclusive), first column, last column (exclusive).
        int[][] spans = new int[bins][];
        int cells = 1;
        for (int r = 0; r < count; r++) {
            int image = (int) boxes[r * 5];
            if (image < 0 || image >= batch || boxes[r * 5] != image) {
                throw new IllegalArgumentException("box " + r + " names image " + boxes[r * 5] + " of a batch of "
                        + batch);
            }
            // C's round (half away from zero), as torchvision's kernel rounds.
            int startW = (int) Math.signum(boxes[r * 5 + 1] * spatialScale)
                    * Math.round(Math.abs(boxes[r * 5 + 1] * spatialScale));
            int startH = (int) Math.signum(boxes[r * 5 + 2] * spatialScale)
                    * Math.round(Math.abs(boxes[r * 5 + 2] * spatialScale));
            int endW = (int) Math.signum(boxes[r * 5 + 3] * spatialScale)
                    * Math.round(Math.abs(boxes[r * 5 + 3] * spatialScale));
            int endH = (int) Math.signum(boxes[r * 5 + 4] * spatialScale)
                    * Math.round(Math.abs(boxes[r * 5 + 4] * spatialScale));
            float binHeight = (float) Math.max(endH - startH + 1, 1) / pooledHeight;
            float binWidth = (float) Math.max(endW - startW + 1, 1) / pooledWidth;
            for (int ph = 0; ph < pooledHeight; ph++) {
                for (int pw = 0; pw < pooledWidth; pw++) {
                    int hStart = clamp((int) Math.floor(ph * binHeight) + startH, height);
                    int hEnd = clamp((int) Math.ceil((ph + 1) * binHeight) + startH, height);
                    int wStart = clamp((int) Math.floor(pw * binWidth) + startW, width);
                    int wEnd = clamp((int) Math.ceil((pw + 1) * binWidth) + startW, width);
                    spans[(r * pooledHeight + ph) * pooledWidth + pw] = new int[] {image, hStart, hEnd, wStart, wEnd};
                    cells = Math.max(cells, Math.max(hEnd - hStart, 0) * Math.max(wEnd - wStart, 0));
                }
            }
        }
        int mapRows = batch * height * width;
        float[] selection = new float[Math.multiplyExact(Math.multiplyExact(bins, cells), mapRows)];
        float[] padding = new float[bins * cells];
        float[] nonEmpty = new float[bins];
        for (int bin = 0; bin < bins; bin++) {
            int[] span = spans[bin];
            int slot = 0;
            for (int h = span[1]; h < span[2]; h++) {
                for (int w = span[3]; w < span[4]; w++) {
                    selection[(bin * cells + slot) * mapRows + (span[0] * height + h) * width + w] = 1;
                    slot++;
                }
            }
            nonEmpty[bin] = slot > 0 ? 1 : 0;
            for (; slot < cells; slot++) {
                padding[bin * cells + slot] = PAD;
            }
        }
        return new Plan(count, pooledHeight, pooledWidth, cells, mapRows, selection, padding, nonEmpty);
    }

    private static int clamp(int value, int size) {
        return Math.min(Math.max(value, 0), size);
    }

    /**
     * The pooled features, R x C x pooledHeight x pooledWidth, from {@code features} (N x C x H x W) and a
     * {@link Plan} fed as placeholders: {@code selection} (FLOAT, (bins x K) x (N x H x W)), {@code padding}
     * (FLOAT, (bins x K) x 1), {@code nonEmpty} (FLOAT, bins x 1) and {@code shape} (INT64: bins, K, C).
     */
    public static Feature build(GraphBuilder graph, String name, Feature features, SDVariable selection,
                                SDVariable padding, SDVariable nonEmpty, SDVariable shape, int pooledHeight,
                                int pooledWidth) {
        TensorShape in = features.shape();
        if (in.rank() != 4) {
            throw new GraphBuildException(graph.qualified(name) + ": RoIPool reads N x C x H x W features, got " + in);
        }
        SameDiff sd = graph.sameDiff();
        long channels = in.dim(1);
        SDVariable table = sd.reshape(sd.permute(features.variable(), 0, 2, 3, 1), -1, channels);
        SDVariable picked = sd.mmul(selection, table).add(padding);
        SDVariable largest = sd.max(sd.reshape(picked, shape), 1).mul(nonEmpty);
        SDVariable pooled = sd.permute(graph.qualified(name),
                sd.reshape(largest, -1, pooledHeight, pooledWidth, channels), 0, 3, 1, 2);
        return new Feature(pooled, TensorShape.of(TensorShape.UNKNOWN, channels, pooledHeight, pooledWidth));
    }
}
