package io.action4j.plugins.transforms;

import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import io.action4j.api.transform.Transform;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Consecutive-frame differences within each clip, as TSN's RGB-difference modality: a clip of L frames
 * becomes L - 1 frames {@code f[t+1] - f[t]} (float32, per channel), or with {@code keepRgb} frames of
 * {@code f[t]} followed by that difference. Each crop's clips are differenced on their own; boxes stay. Place
 * it after {@code normalize}, so the differences are of normalised frames (the mean cancels, the std scales)
 * as TSN computes them inside its model. No draws.
 */
public final class RgbDiffTransform implements Transform {

    private final boolean keepRgb;

    public RgbDiffTransform(RgbDiffConfig config) {
        this.keepRgb = config.keepRgb();
    }

    @Override
    public Clip apply(Clip clip, RandomGenerator random) {
        int length = clip.clipLen();
        if (length < 2) {
            throw new IllegalArgumentException("rgb_diff needs clips of 2 frames or more (clipLen), got " + length);
        }
        List<Image> frames = clip.frames();
        List<Image> out = new ArrayList<>(frames.size() / length * (length - 1));
        for (int start = 0; start < frames.size(); start += length) {
            for (int t = 0; t < length - 1; t++) {
                out.add(difference(frames.get(start + t), frames.get(start + t + 1)));
            }
        }
        return new Clip(out, length - 1, clip.numClips(), clip.numCrops(), clip.boxes());
    }

    Image difference(Image current, Image next) {
        if (current.width() != next.width() || current.height() != next.height()
                || current.channels() != next.channels()) {
            throw new IllegalArgumentException("rgb_diff needs frames of one shape, got " + current.width() + "x"
                    + current.height() + "x" + current.channels() + " and " + next.width() + "x" + next.height() + "x"
                    + next.channels());
        }
        int channels = current.channels();
        float[] a = current.pixels();
        float[] b = next.pixels();
        int outChannels = keepRgb ? 2 * channels : channels;
        float[] out = new float[a.length / channels * outChannels];
        for (int pixel = 0, i = 0, o = 0; i < a.length; pixel++, i += channels, o += outChannels) {
            for (int c = 0; c < channels; c++) {
                if (keepRgb) {
                    out[o + c] = a[i + c];
                    out[o + channels + c] = b[i + c] - a[i + c];
                } else {
                    out[o + c] = b[i + c] - a[i + c];
                }
            }
        }
        return new Image(current.width(), current.height(), outChannels, out);
    }
}
