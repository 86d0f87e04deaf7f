package io.action4j.plugins.transforms;

import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import io.action4j.api.transform.Transform;
import java.util.random.RandomGenerator;

/**
 * {@code (x - mean) / std} per channel in float32 (torch's arithmetic in MMAction2's data
 * preprocessor), after an optional channel reversal. The last step that keeps uint8 values ends
 * here. Boxes are unchanged. No draws.
 */
public final class NormalizeTransform implements Transform {

    private final float[] mean;
    private final float[] std;
    private final boolean reverseChannels;

    public NormalizeTransform(NormalizeConfig config) {
        int channels = config.mean().size();
        this.mean = new float[channels];
        this.std = new float[channels];
        for (int c = 0; c < channels; c++) {
            mean[c] = config.mean().get(c).floatValue();
            std[c] = config.std().get(c).floatValue();
        }
        this.reverseChannels = config.toRgb();
    }

    @Override
    public Clip apply(Clip clip, RandomGenerator random) {
        return Clips.mapFrames(clip, this::normalize, clip.boxes());
    }

    Image normalize(Image frame) {
        int channels = frame.channels();
        if (channels != mean.length) {
            throw new IllegalArgumentException("normalize has " + mean.length + " means for frames with "
                    + channels + " channels");
        }
        float[] in = frame.pixels();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i += channels) {
            for (int c = 0; c < channels; c++) {
                float value = in[i + (reverseChannels ? channels - 1 - c : c)];
                out[i + c] = (value - mean[c]) / std[c];
            }
        }
        return new Image(frame.width(), frame.height(), channels, out);
    }
}
