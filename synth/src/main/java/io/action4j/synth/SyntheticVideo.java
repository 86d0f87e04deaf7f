package io.action4j.synth;

import io.action4j.api.video.VideoEncoder;
import io.action4j.api.video.VideoFormat;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One synthetic video: its class, its frames (rendered on demand) and, for each frame, where the
 * object is. The same config, class, split and index always give the same pixels.
 */
public final class SyntheticVideo {

    /** Frames between keyframes of the written file. */
    public static final int KEYFRAME_INTERVAL = 8;
    private static final int QUANTISER = 2;

    private final SynthConfig config;
    private final Split split;
    private final int index;
    private final Scene scene;

    private SyntheticVideo(SynthConfig config, Split split, int index, Scene scene) {
        this.config = config;
        this.split = split;
        this.index = index;
        this.scene = scene;
    }

    /**
     * The video number {@code index} of class {@code motion} in {@code split}. The class need not be
     * in the config's class list (its label is then undefined), which lets a caller make one video
     * of any class, e.g. for a demo.
     */
    public static SyntheticVideo of(SynthConfig config, MotionClass motion, Split split, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative, got " + index);
        }
        long seed = VideoSeeds.of(config.seed(), motion, split, index);
        return new SyntheticVideo(config, split, index, Scene.sample(config, motion, seed));
    }

    public MotionClass motion() {
        return scene.motion();
    }

    public Split split() {
        return split;
    }

    public int index() {
        return index;
    }

    /** {@code videos/<class>/<class>_<split>_<index>.mp4}, relative to the dataset's folder. */
    public String relativePath() {
        return "videos/" + motion().id() + "/" + fileName();
    }

    public String fileName() {
        return String.format("%s_%s_%04d.mp4", motion().id(), split.id(), index);
    }

    /** Every frame, RGB24 (height x width x 3, row-major). */
    public List<byte[]> render() {
        SceneRenderer renderer = new SceneRenderer(scene);
        List<byte[]> frames = new ArrayList<>(scene.frames());
        for (int t = 0; t < scene.frames(); t++) {
            frames.add(renderer.render(t));
        }
        return frames;
    }

    /** Where the object is in each frame, as the frame shows it. */
    public List<ObjectState> groundTruth() {
        List<ObjectState> states = new ArrayList<>(scene.frames());
        for (int t = 0; t < scene.frames(); t++) {
            states.add(scene.state(t));
        }
        return states;
    }

    /**
     * Renders the video and writes it with {@code encoder} (the video plugin's writes MPEG-4 in MP4): near-lossless
     * quantiser 2 and a keyframe every {@value #KEYFRAME_INTERVAL} frames, so that sparse sampling seeks cheaply.
     * The file appears under its name only once complete.
     */
    public void write(Path file, VideoEncoder encoder) throws IOException {
        List<byte[]> frames = render();
        try (VideoSink sink = encoder.open(file, new VideoFormat(config.width(), config.height(), config.fps(),
                QUANTISER, KEYFRAME_INTERVAL))) {
            for (int index = 0; index < frames.size(); index++) {
                sink.write(new VideoFrame(index, config.width(), config.height(), 3, frames.get(index)));
            }
            sink.finish();
        }
    }

    Scene scene() {
        return scene;
    }
}
