package io.action4j.plugins.tfjs.nanodet;

import io.action4j.api.video.VideoFrame;

/**
 * A frame as NanoDet-m's input: stretched to {@code size x size} (no letterbox; boxes map back by the two
 * scale factors), normalized, {@code 1 x 3 x size x size} (NCHW) in one {@code float[]}.
 */
final class NanoDetInput {

    /** NanoDet's training normalization, in BGR order (its configs' {@code img_norm_cfg}). */
    private static final float[] BGR_MEAN = {103.53f, 116.28f, 123.675f};
    private static final float[] BGR_STD = {57.375f, 57.12f, 58.395f};

    private NanoDetInput() {
    }

    /**
     * @param normalization {@code nanodet}: channel k of the input is BGR channel k, {@code (v - mean) / std};
     *     {@code human}: RGB, {@code v / 255}. Each step is rounded to float32 as tfjs does.
     */
    static float[] of(VideoFrame frame, int size, String normalization) {
        if (frame.channels() != 3) {
            throw new IllegalArgumentException("frame " + frame.index() + " has " + frame.channels()
                    + " channels; the detector needs RGB");
        }
        float[] resized = BilinearResize.toSquare(frame, size);
        int plane = size * size;
        float[] input = new float[3 * plane];
        boolean bgr = normalization.equals("nanodet");
        for (int pixel = 0; pixel < plane; pixel++) {
            for (int channel = 0; channel < 3; channel++) {
                if (bgr) {
                    float value = resized[pixel * 3 + 2 - channel];
                    float centred = value - BGR_MEAN[channel];
                    input[channel * plane + pixel] = centred / BGR_STD[channel];
                } else {
                    input[channel * plane + pixel] = resized[pixel * 3 + channel] / 255f;
                }
            }
        }
        return input;
    }
}
