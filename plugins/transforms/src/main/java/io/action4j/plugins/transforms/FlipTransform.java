package io.action4j.plugins.transforms;

import io.action4j.api.transform.Box;
import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import io.action4j.api.transform.Transform;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * MMAction2's {@code Flip}: every frame of the clip flips or none does; boxes mirror with the full
 * width ({@code x1' = W - x2}). With the flow modality the x component is inverted as well.
 *
 * <p>Draws exactly once per call, {@code rand() < flipRatio}, even when the ratio is 0 or 1.
 */
public final class FlipTransform implements Transform {

    private final FlipConfig config;

    public FlipTransform(FlipConfig config) {
        this.config = config;
    }

    @Override
    public Clip apply(Clip clip, RandomGenerator random) {
        boolean flip = Draws.rand(random) < config.flipRatio();
        if (!flip) {
            return clip;
        }
        boolean horizontal = FlipConfig.HORIZONTAL.equals(config.direction());
        if (!horizontal && !clip.boxes().isEmpty()) {
            throw new IllegalStateException("MMAction2 flips boxes only horizontally; this clip has boxes and direction "
                    + config.direction());
        }
        List<Image> frames = new ArrayList<>(clip.frames().size());
        for (Image frame : clip.frames()) {
            frames.add(horizontal ? Frames.flipHorizontal(frame) : Frames.flipVertical(frame));
        }
        if (FlipConfig.FLOW.equals(config.modality())) {
            invertFlowX(frames);
        }
        List<Box> boxes = Boxes.flipHorizontal(clip.boxes(), Clips.first(clip).width());
        return Clips.withFrames(clip, frames, boxes);
    }

    /** Mirroring turns rightward motion into leftward: the stored x component becomes {@code 255 - v}. */
    private static void invertFlowX(List<Image> frames) {
        int channels = frames.get(0).channels();
        for (int i = 0; i < frames.size(); i++) {
            if (channels == 2) {
                frames.set(i, Frames.invertChannel(frames.get(i), 0));
            } else if (channels == 1) {
                if (i % 2 == 0) {
                    frames.set(i, Frames.invertChannel(frames.get(i), 0));
                }
            } else {
                throw new IllegalArgumentException("flow frames have 2 channels (x, y) or 1 (x, y alternating), got "
                        + channels);
            }
        }
    }
}
