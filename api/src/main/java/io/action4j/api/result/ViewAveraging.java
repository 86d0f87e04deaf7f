package io.action4j.api.result;

import java.util.Arrays;
import java.util.List;

/**
 * MMAction2's {@code average_clips}: combines the class scores of a video's views (clips x crops)
 * into the video's scores, outside the graph.
 *
 * <p>Grouping: a test pipeline samples {@code num_clips} clips and {@code num_crops} crops of each
 * video and FormatShape stacks them per video, so a batch of B videos gives
 * {@code B * num_clips * num_crops} rows of scores, each video's {@code num_clips * num_crops}
 * views consecutive. Pass those rows with {@code viewsPerVideo = num_clips * num_crops}.
 *
 * <p>Modes, as MMAction2's {@code average_clips} values:
 * <ul>
 *   <li>{@code prob}: softmax of each view's scores, then their mean (probabilities);</li>
 *   <li>{@code score}: the mean of the views' raw scores;</li>
 *   <li>{@code none} ({@code None}): no averaging; every view's scores stay, one row each.</li>
 * </ul>
 */
public final class ViewAveraging {

    public static final List<String> MODES = List.of("prob", "score", "none");

    private ViewAveraging() {
    }

    /**
     * @param viewScores one row of class scores per view, each video's views consecutive
     * @param viewsPerVideo {@code num_clips * num_crops}
     * @param mode {@code prob}, {@code score} or {@code none}
     * @return one row per video ({@code prob}, {@code score}), or copies of the rows ({@code none})
     * @throws IllegalArgumentException for an unknown mode, rows of different lengths, or a row
     *     count that is not a multiple of {@code viewsPerVideo}
     */
    public static float[][] average(float[][] viewScores, int viewsPerVideo, String mode) {
        int classes = checkRows(viewScores);
        checkMode(mode);
        if (viewsPerVideo <= 0 || viewScores.length % viewsPerVideo != 0) {
            throw new IllegalArgumentException("viewsPerVideo must be positive and divide the " + viewScores.length
                    + " rows, got " + viewsPerVideo);
        }
        if (mode.equals("none")) {
            return Arrays.stream(viewScores).map(float[]::clone).toArray(float[][]::new);
        }
        float[][] videos = new float[viewScores.length / viewsPerVideo][];
        for (int video = 0; video < videos.length; video++) {
            double[] sum = new double[classes];
            for (int view = 0; view < viewsPerVideo; view++) {
                float[] row = viewScores[video * viewsPerVideo + view];
                double[] values = mode.equals("prob") ? softmax(row) : toDouble(row);
                for (int c = 0; c < classes; c++) {
                    sum[c] += values[c];
                }
            }
            videos[video] = new float[classes];
            for (int c = 0; c < classes; c++) {
                videos[video][c] = (float) (sum[c] / viewsPerVideo);
            }
        }
        return videos;
    }

    /**
     * One video's views. {@code none} keeps views apart, so it takes a single view only.
     *
     * @throws IllegalArgumentException as {@link #average(float[][], int, String)}, or for
     *     {@code none} with more than one view
     */
    public static float[] average(float[][] views, String mode) {
        checkRows(views);
        if ("none".equals(mode) && views.length > 1) {
            throw new IllegalArgumentException("mode none keeps the " + views.length + " views apart: use "
                    + "average(viewScores, viewsPerVideo, \"none\") to get them back, or prob / score to combine them");
        }
        return average(views, views.length, mode)[0];
    }

    private static int checkRows(float[][] rows) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("no view scores to average");
        }
        int classes = rows[0].length;
        for (float[] row : rows) {
            if (row.length != classes) {
                throw new IllegalArgumentException("every view needs the same number of class scores, got "
                        + classes + " and " + row.length);
            }
        }
        return classes;
    }

    private static void checkMode(String mode) {
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("average clips mode must be one of " + MODES + ", got " + mode);
        }
    }

    /** Softmax, the maximum subtracted first so that large scores do not overflow. */
    private static double[] softmax(float[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (float score : scores) {
            max = Math.max(max, score);
        }
        double[] exp = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            exp[i] = Math.exp(scores[i] - max);
            sum += exp[i];
        }
        for (int i = 0; i < exp.length; i++) {
            exp[i] /= sum;
        }
        return exp;
    }

    private static double[] toDouble(float[] scores) {
        double[] values = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            values[i] = scores[i];
        }
        return values;
    }
}
