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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Turns each clip of {@code L + 1} consecutive RGB frames into {@code L} flow images (2 channels, x and y): flow
 * {@code k} is from frame {@code k} to frame {@code k + 1}, as stored pair {@code k + 1} of {@code flow extract}
 * is. With {@code storedLevels} the values are the 0..255 levels of the stored JPEGs (before JPEG's own loss),
 * so a model sees the same input from a raw video as from a flow folder. Pixels must still be 0..255 (put it
 * before {@code normalize}). With {@code keepRgb} each flow image is preceded by its source frame's channels
 * (frame {@code k}, then flow {@code k -> k + 1}). A pair seen before (overlapping windows) takes its kept flow
 * ({@link FlowMemo}). An estimator is made per call and closed, and the memo locks, so the transform is
 * thread-safe.
 */
final class OpticalFlowTransform implements Transform {

    private final OpticalFlowConfig config;
    private final FlowMemo memo;
    private final AtomicLong estimates = new AtomicLong();

    OpticalFlowTransform(OpticalFlowConfig config) {
        this.config = config;
        this.memo = new FlowMemo((long) config.reuseMegabytes() << 20);
    }

    @Override
    public Clip apply(Clip clip, RandomGenerator random) {
        if (clip.clipLen() < 2) {
            throw new IllegalArgumentException("optical_flow needs clips of at least 2 frames (L + 1 frames give L "
                    + "flows), got clips of " + clip.clipLen() + ": sample clipLen + 1 consecutive frames");
        }
        List<Image> flows = new ArrayList<>(clip.frames().size());
        int length = clip.clipLen();
        try (LazyEstimator estimator = new LazyEstimator()) {
            for (int start = 0; start < clip.frames().size(); start += length) {
                VideoFrame previous = frame(clip.frames().get(start), 0);
                String previousDigest = memo.enabled() ? FlowMemo.digest(previous) : null;
                for (int t = 1; t < length; t++) {
                    VideoFrame next = frame(clip.frames().get(start + t), t);
                    String nextDigest = memo.enabled() ? FlowMemo.digest(next) : null;
                    FlowField field = flow(estimator, previous, previousDigest, next, nextDigest);
                    flows.add(image(field, clip.frames().get(start + t - 1)));
                    previous = next;
                    previousDigest = nextDigest;
                }
            }
        }
        return new Clip(flows, length - 1, clip.numClips(), clip.numCrops(), clip.boxes());
    }

    /** The flow from one frame to the next: kept from an earlier clip with the same two frames, or computed. */
    private FlowField flow(LazyEstimator estimator, VideoFrame from, String fromDigest, VideoFrame to,
                           String toDigest) {
        if (!memo.enabled()) {
            return estimator.estimate(from, to);
        }
        FlowMemo.PairKey key = FlowMemo.key(from, fromDigest, toDigest);
        Optional<FlowField> kept = memo.get(key);
        if (kept.isPresent()) {
            return kept.get();
        }
        FlowField field = estimator.estimate(from, to);
        memo.put(key, field);
        return field;
    }

    /** Frame pairs whose flow was computed rather than reused, since this transform was made. */
    long estimates() {
        return estimates.get();
    }

    /** An estimator made on first need, so that a clip whose pairs are all kept creates no OpenCV object. */
    private final class LazyEstimator implements AutoCloseable {

        private FlowEstimator estimator;

        FlowField estimate(VideoFrame from, VideoFrame to) {
            if (estimator == null) {
                estimator = estimator();
            }
            estimates.incrementAndGet();
            return estimator.estimate(from, to);
        }

        @Override
        public void close() {
            if (estimator != null) {
                estimator.close();
            }
        }
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

    /**
     * x and y interleaved per pixel, as the rawframes reader gives flow frames; with {@code keepRgb} after the
     * source frame's own channels.
     */
    private Image image(FlowField flow, Image source) {
        int pixels = flow.width() * flow.height();
        int kept = config.keepRgb() ? source.channels() : 0;
        int channels = kept + 2;
        float[] values = new float[channels * pixels];
        float[] field = flow.values();
        float[] sourcePixels = source.pixels();
        float bound = (float) config.bound();
        for (int i = 0; i < pixels; i++) {
            System.arraycopy(sourcePixels, i * kept, values, i * channels, kept);
            values[i * channels + kept] = stored(field[i], bound);
            values[i * channels + kept + 1] = stored(field[pixels + i], bound);
        }
        return new Image(flow.width(), flow.height(), channels, values);
    }

    private float stored(float value, float bound) {
        return config.storedLevels() ? FlowQuantization.level(value, config.bound())
                : Math.max(-bound, Math.min(bound, value));
    }
}
