package io.action4j.plugins.tfjs.nanodet;

import io.action4j.api.video.VideoFrame;

/**
 * A frame stretched to a square with TensorFlow.js's {@code tf.image.resizeBilinear(image, size, false, false)}
 * arithmetic (source coordinate {@code dst * in / out}, the upper neighbour clamped to the edge), in double
 * precision with float32 results, so that it gives tfjs's CPU backend's values exactly.
 */
final class BilinearResize {

    private BilinearResize() {
    }

    /** @return {@code size x size x 3} values in 0..255, rows top to bottom, channels interleaved as in the frame */
    static float[] toSquare(VideoFrame frame, int size) {
        int width = frame.width();
        int height = frame.height();
        int channels = frame.channels();
        byte[] pixels = frame.pixels();
        double rowScale = (double) height / size;
        double columnScale = (double) width / size;
        int[] left = new int[size];
        int[] right = new int[size];
        double[] columnFraction = new double[size];
        for (int x = 0; x < size; x++) {
            double source = columnScale * x;
            left[x] = Math.max(0, (int) Math.floor(source));
            right[x] = Math.min(width - 1, (int) Math.ceil(source));
            columnFraction[x] = source - left[x];
        }
        float[] resized = new float[size * size * 3];
        int index = 0;
        for (int y = 0; y < size; y++) {
            double source = rowScale * y;
            int top = Math.max(0, (int) Math.floor(source));
            int bottom = Math.min(height - 1, (int) Math.ceil(source));
            double rowFraction = source - top;
            int topRow = top * width;
            int bottomRow = bottom * width;
            for (int x = 0; x < size; x++) {
                for (int c = 0; c < 3; c++) {
                    double topLeft = pixels[(topRow + left[x]) * channels + c] & 0xff;
                    double topRight = pixels[(topRow + right[x]) * channels + c] & 0xff;
                    double bottomLeft = pixels[(bottomRow + left[x]) * channels + c] & 0xff;
                    double bottomRight = pixels[(bottomRow + right[x]) * channels + c] & 0xff;
                    double upper = topLeft + (topRight - topLeft) * columnFraction[x];
                    double lower = bottomLeft + (bottomRight - bottomLeft) * columnFraction[x];
                    resized[index++] = (float) (upper + (lower - upper) * rowFraction);
                }
            }
        }
        return resized;
    }
}
