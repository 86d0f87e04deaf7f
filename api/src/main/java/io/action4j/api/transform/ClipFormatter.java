package io.action4j.api.transform;

import java.util.Arrays;
import java.util.List;

/**
 * MMAction2's {@code FormatShape}: turns a {@link Clip} into the float tensor a model takes. Not a
 * {@link io.action4j.api.transform.Transform}, because a transform must return a Clip (frames of
 * HWC images), while this produces one tensor; it runs after the last transform.
 *
 * <p>NCTHW: frames are ordered crop, then clip, then time, so view {@code m = crop * numClips +
 * clip} takes frames {@code m * clipLen ... m * clipLen + clipLen - 1}, and channels move in front
 * of time: {@code out[m][c][t][y][x] = frames[m * clipLen + t][y][x][c]}, shape
 * {@code [numCrops * numClips, C, clipLen, H, W]}.
 *
 * <p>NCTHW with {@code clipsOnTime}: one view per crop, the clips in sequence along time, shape
 * {@code [numCrops, C, numClips * clipLen, H, W]} (the same arithmetic with {@code clipLen * numClips}
 * frames a view).
 *
 * <p>NCHW: every frame is a view, {@code [numCrops * numClips * clipLen, C, H, W]}; with the flow
 * modality a clip's frames are stacked along channels, {@code [numCrops * numClips, clipLen * C, H, W]}
 * (the same memory, reshaped).
 */
public final class ClipFormatter {

    public static final String NAME = "format_shape";

    private final FormatShapeConfig config;

    public ClipFormatter(FormatShapeConfig config) {
        this.config = config;
    }

    public FormattedClip format(Clip clip) {
        List<Image> frames = clip.frames();
        Image first = frames.get(0);
        int channels = first.channels();
        int height = first.height();
        int width = first.width();
        for (Image frame : frames) {
            if (frame.width() != width || frame.height() != height || frame.channels() != channels) {
                throw new IllegalArgumentException("all frames must share one shape to be stacked, got "
                        + frame.width() + "x" + frame.height() + "x" + frame.channels() + " and "
                        + width + "x" + height + "x" + channels);
            }
        }
        int plane = height * width;
        float[] values = new float[frames.size() * plane * channels];
        int[] shape;
        if (FormatShapeConfig.NCTHW.equals(config.inputFormat())) {
            int clipLen = config.clipsOnTime() ? clip.clipLen() * clip.numClips() : clip.clipLen();
            for (int f = 0; f < frames.size(); f++) {
                int view = f / clipLen;
                int t = f % clipLen;
                // out index of (view, c, t, 0, 0)
                int base = view * channels * clipLen * plane + t * plane;
                scatterChannels(frames.get(f).pixels(), values, base, clipLen * plane, channels, plane);
            }
            shape = new int[] {frames.size() / clipLen, channels, clipLen, height, width};
        } else {
            for (int f = 0; f < frames.size(); f++) {
                scatterChannels(frames.get(f).pixels(), values, f * channels * plane, plane, channels, plane);
            }
            shape = "flow".equals(config.modality())
                    ? new int[] {frames.size() / clip.clipLen(), clip.clipLen() * channels, height, width}
                    : new int[] {frames.size(), channels, height, width};
        }
        if (config.collapse()) {
            if (shape[0] != 1) {
                throw new IllegalArgumentException("collapse needs one view, got " + shape[0]);
            }
            shape = Arrays.copyOfRange(shape, 1, shape.length);
        }
        return new FormattedClip(shape, values, clip.boxes());
    }

    /** HWC pixels to planes: channel c of pixel p goes to {@code base + c * channelStride + p}. */
    private static void scatterChannels(float[] pixels, float[] out, int base, int channelStride, int channels, int plane) {
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < channels; c++) {
                out[base + c * channelStride + p] = pixels[p * channels + c];
            }
        }
    }
}
