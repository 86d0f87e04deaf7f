package io.action4j.plugins.flow;

import io.action4j.api.flow.FlowEstimator;
import io.action4j.api.flow.FlowField;
import io.action4j.api.flow.FlowQuantization;
import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import io.action4j.api.transform.Transform;
import io.action4j.api.video.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Turns each clip of {@code L + 1} consecutive RGB frames into {@code L} flow images (2 channels, x and y): flow
 * {@code k} is from frame {@code k} to frame {@code k + 1}, as stored pair {@code k + 1} of {@code flow extract}
 * is. With {@code storedLevels} the values are the 0..255 levels of the stored JPEGs (before JPEG's own loss),
 * so a model sees the same input from a raw video as from a flow folder. Pixels must still be 0..255 (put it
 * before {@code normalize}). An estimator is made per call and closed, so the transform is thread-safe.
 */
final class OpticalFlowTransform implements Transform {

    private final OpticalFlowConfig config;

    OpticalFlowTransform(OpticalFlowConfig config) {
        this.config = config;
    }

    @Override
    public Clip apply(Clip clip, RandomGenerator random) {
        if (clip.clipLen() < 2) {
            throw new IllegalArgumentException("optical_flow needs clips of at least 2 frames (L + 1 frames give L "
                    + "flows), got clips of " + clip.clipLen() + ": sample clipLen + 1 consecutive frames");
        }
        List<Image> flows = new ArrayList<>(clip.frames().size());
        int length = clip.clipLen();
        try (FlowEstimator estimator = estimator()) {
            for (int start = 0; start < clip.frames().size(); start += length) {
                VideoFrame previous = frame(clip.frames().get(start), 0);
                for (int t = 1; t < length; t++) {
                    VideoFrame next = frame(clip.frames().get(start + t), t);
                    flows.add(image(estimator.estimate(previous, next)));
                    previous = next;
                }
            }
        }
        return new Clip(flows, length - 1, clip.numClips(), clip.numCrops(), clip.boxes());
    }

    private FlowEstimator estimator() {
        return switch (config.method()) {
            case TvL1Factory.NAME -> new TvL1Estimator(config.tvl1());
            case DisFactory.NAME -> new DisEstimator(config.dis());
            default -> new FarnebackEstimator(config.farneback());
        };
    }

    /** The pipeline's 0..255 float pixels as 8-bit, as they were decoded. */
    private static VideoFrame frame(Image image, int index) {
        if (image.channels() != 3 && image.channels() != 1) {
            throw new IllegalArgumentException("optical_flow needs RGB or grey frames, got " + image.channels()
                    + " channels");
        }
        float[] pixels = image.pixels();
        byte[] bytes = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            bytes[i] = (byte) Math.max(0, Math.min(255, Math.round(pixels[i])));
        }
        return new VideoFrame(index, image.width(), image.height(), image.channels(), bytes);
    }

    /** x and y interleaved per pixel, as the rawframes reader gives flow frames. */
    private Image image(FlowField flow) {
        int pixels = flow.width() * flow.height();
        float[] values = new float[2 * pixels];
        float[] field = flow.values();
        float bound = (float) config.bound();
        for (int i = 0; i < pixels; i++) {
            values[2 * i] = stored(field[i], bound);
            values[2 * i + 1] = stored(field[pixels + i], bound);
        }
        return new Image(flow.width(), flow.height(), 2, values);
    }

    private float stored(float value, float bound) {
        return config.storedLevels() ? FlowQuantization.level(value, config.bound())
                : Math.max(-bound, Math.min(bound, value));
    }
}
