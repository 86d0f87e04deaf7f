package io.action4j.synth;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a synthetic dataset is made of. The same config gives the same videos, pixel for pixel.
 *
 * @param seed          the dataset's seed; each video's own seed derives from it, its class, split and index
 * @param classes       the classes in label order (label = position in this list)
 * @param width         frame width in pixels (even: the encoder subsamples colour by two)
 * @param height        frame height in pixels (even)
 * @param frames        frames per video
 * @param fps           frame rate written into the files
 * @param difficulty    0 (fast, large motion, clean frames) to 1 (slow motion, clutter, noise, camera jitter)
 * @param trainPerClass videos per class in {@code train.txt}
 * @param valPerClass   videos per class in {@code val.txt}
 * @param testPerClass  videos per class in {@code test.txt}
 */
public record SynthConfig(long seed, List<MotionClass> classes, int width, int height, int frames, double fps,
                          double difficulty, int trainPerClass, int valPerClass, int testPerClass) {

    /** Small enough for CPU training: 64x64, 32 frames at 25 fps, medium difficulty, 40/10/10 per class. */
    public static SynthConfig defaults() {
        return new SynthConfig(0, MotionClass.all(), 64, 64, 32, 25, Difficulty.MEDIUM.value, 40, 10, 10);
    }

    /** Named difficulties; {@link #parseDifficulty} also takes a number in [0, 1]. */
    public enum Difficulty {
        EASY(0.2), MEDIUM(0.5), HARD(0.8);

        final double value;

        Difficulty(double value) {
            this.value = value;
        }
    }

    private static final int MIN_SIZE = 16;
    private static final int MAX_SIZE = 1024;
    private static final int MIN_FRAMES = 4;

    public SynthConfig {
        ConfigChecks.required("classes", classes);
        if (classes.isEmpty()) {
            throw new ConfigValueException("classes", "must name at least one class");
        }
        if (classes.stream().anyMatch(Objects::isNull)) {
            throw new ConfigValueException("classes", "must not contain null, got " + classes);
        }
        if (EnumSet.copyOf(classes).size() != classes.size()) {
            throw new ConfigValueException("classes", "must not repeat a class, got " + classes);
        }
        classes = List.copyOf(classes);
        evenSize("width", width);
        evenSize("height", height);
        ConfigChecks.atLeast("frames", frames, MIN_FRAMES);
        ConfigChecks.inRange("fps", fps, 1, 240);
        ConfigChecks.inRange("difficulty", difficulty, 0, 1);
        ConfigChecks.atLeast("trainPerClass", trainPerClass, 0);
        ConfigChecks.atLeast("valPerClass", valPerClass, 0);
        ConfigChecks.atLeast("testPerClass", testPerClass, 0);
        if (trainPerClass + valPerClass + testPerClass == 0) {
            throw new ConfigValueException("trainPerClass", "trainPerClass, valPerClass and testPerClass are all 0: "
                    + "nothing to generate");
        }
    }

    private static void evenSize(String key, int value) {
        ConfigChecks.atLeast(key, value, MIN_SIZE);
        if (value > MAX_SIZE || value % 2 != 0) {
            throw new ConfigValueException(key, "must be even and at most " + MAX_SIZE + ", got " + value);
        }
    }

    /** Videos per class in the given split. */
    public int perClass(Split split) {
        return switch (split) {
            case TRAIN -> trainPerClass;
            case VAL -> valPerClass;
            case TEST -> testPerClass;
        };
    }

    /** Videos in the whole dataset. */
    public int totalVideos() {
        return classes.size() * (trainPerClass + valPerClass + testPerClass);
    }

    /** The class's label (its index in {@link #classes}). */
    public int label(MotionClass motion) {
        int label = classes.indexOf(motion);
        if (label < 0) {
            throw new ConfigValueException("classes", "does not contain " + motion + ": " + classes);
        }
        return label;
    }

    /**
     * {@code easy}, {@code medium}, {@code hard} or a number in [0, 1].
     *
     * @throws ConfigValueException with key {@code difficulty}
     */
    public static double parseDifficulty(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        for (Difficulty named : Difficulty.values()) {
            if (named.name().toLowerCase(Locale.ROOT).equals(trimmed)) {
                return named.value;
            }
        }
        try {
            return ConfigChecks.inRange("difficulty", Double.parseDouble(trimmed), 0, 1);
        } catch (NumberFormatException e) {
            throw new ConfigValueException("difficulty", "must be easy, medium, hard or a number in [0, 1], got '"
                    + text + "'");
        }
    }
}
