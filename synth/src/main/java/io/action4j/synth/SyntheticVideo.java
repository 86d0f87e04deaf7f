package io.action4j.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One synthetic video: its class, its frames (rendered on demand) and, for each frame, where the
 * object is. The same config, class, split and index always give the same pixels.
 */
public final class SyntheticVideo {

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
     * Renders the video and writes it as an MP4 file (MPEG-4 Part 2), which appears under its name
     * only once complete.
     */
    public void write(Path file) throws IOException {
        Mpeg4Writer.write(file, render(), config.width(), config.height(), config.fps());
    }

    Scene scene() {
        return scene;
    }
}
