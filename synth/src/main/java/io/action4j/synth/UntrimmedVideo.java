package io.action4j.synth;

import io.action4j.api.video.VideoEncoder;
import io.action4j.synth.MotionClass.Quantity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An untrimmed synthetic video: one continuous scene (the trimmed videos' background, clutter, camera
 * jitter and noise) in which the object rests, then performs an action for a while, rests again, and
 * so on. A flat distractor drifts and bounces off the frame's edges the whole time, so there is motion
 * in the background too: only the object's own motion is an action. Actions are the config's classes
 * other than {@code still}, each at the speed a trimmed video of the class has (its whole change over
 * {@value #NOMINAL_FRAMES} frames), chosen so that the object stays inside the frame.
 * The same config, split and index always give the same pixels and the same segments.
 */
public final class UntrimmedVideo {

    /** An action: frames {@code [startFrame, endFrame)}. */
    public record ActionSegment(int startFrame, int endFrame, MotionClass motion) {
    }

    /** Frames over which an action changes the object as much as a whole trimmed video does. */
    static final int NOMINAL_FRAMES = 32;

    private final SynthConfig config;
    private final int frames;
    private final String name;
    private final Scene scene;
    private final List<ActionSegment> actions;
    /** The object's x, y, angle and log radius at each action's start, and where the video starts. */
    private final List<double[]> statesAtStarts;
    private final double[] initial;
    private final BouncingSprite drifter;

    private UntrimmedVideo(SynthConfig config, int frames, String name, Scene scene, List<ActionSegment> actions,
                           List<double[]> statesAtStarts, double[] initial, BouncingSprite drifter) {
        this.config = config;
        this.frames = frames;
        this.name = name;
        this.scene = scene;
        this.actions = List.copyOf(actions);
        this.statesAtStarts = List.copyOf(statesAtStarts);
        this.initial = initial;
        this.drifter = drifter;
    }

    /**
     * @param frames the video's length
     * @param restFrames the shortest and longest rest between actions (and before the first)
     * @param actionFrames the shortest and longest action
     */
    public static UntrimmedVideo of(SynthConfig config, int frames, int[] restFrames, int[] actionFrames, Split split,
                                    int index) {
        SynthConfig sceneConfig = new SynthConfig(config.seed(), config.classes(), config.width(), config.height(), frames,
                config.fps(), config.difficulty(), 1, 0, 0);
        long seed = VideoSeeds.mix(VideoSeeds.of(config.seed(), MotionClass.STILL, split, index) + 0x5eedL);
        Scene scene = Scene.sample(sceneConfig, MotionClass.STILL, seed);
        SplittableRandom random = new SplittableRandom(VideoSeeds.mix(seed + 1));
        double side = Math.min(config.width(), config.height());
        Sprite drifter = Scene.flatSprite(random, config.width() * random.nextDouble(0.2, 0.8),
                config.height() * random.nextDouble(0.2, 0.8), side * random.nextDouble(0.05, 0.09));
        double direction = random.nextDouble(2 * Math.PI);
        double speed = scene.travel() / NOMINAL_FRAMES * random.nextDouble(0.5, 1.0);

        double[] state = {config.width() / 2.0, config.height() / 2.0, scene.baseAngle(), scene.baseLogRadius()};
        double[] initial = state.clone();
        List<MotionClass> actionClasses = config.classes().stream().filter(c -> c.moving() != null).toList();
        if (actionClasses.isEmpty()) {
            throw new IllegalArgumentException("untrimmed videos need at least one class that moves; got "
                    + config.classes());
        }
        List<ActionSegment> actions = new ArrayList<>();
        List<double[]> statesAtStarts = new ArrayList<>();
        int t = random.nextInt(restFrames[0], restFrames[1] + 1);
        while (t + actionFrames[0] <= frames) {
            int length = Math.min(random.nextInt(actionFrames[0], actionFrames[1] + 1), frames - t);
            List<MotionClass> feasible = new ArrayList<>();
            for (MotionClass motion : actionClasses) {
                if (inside(config, scene, after(scene, state, motion, length))) {
                    feasible.add(motion);
                }
            }
            MotionClass motion = feasible.isEmpty() ? actionClasses.get(random.nextInt(actionClasses.size()))
                    : feasible.get(random.nextInt(feasible.size()));
            if (!feasible.contains(motion)) {
                break; // nothing fits: the rest of the video is a rest
            }
            actions.add(new ActionSegment(t, t + length, motion));
            statesAtStarts.add(state.clone());
            state = after(scene, state, motion, length);
            t += length + random.nextInt(restFrames[0], restFrames[1] + 1);
        }
        String videoName = String.format("v_%s_%04d", split.id(), index);
        return new UntrimmedVideo(config, frames, videoName, scene, actions, statesAtStarts, initial,
                new BouncingSprite(drifter, speed * Math.cos(direction), speed * Math.sin(direction), config.width(),
                        config.height()));
    }

    /** {@code v_<split>_<index>}: the video's key in the ground truth and its file's name without {@code .mp4}. */
    public String name() {
        return name;
    }

    public int frames() {
        return frames;
    }

    public double fps() {
        return config.fps();
    }

    /** The actions, in time order. */
    public List<ActionSegment> actions() {
        return actions;
    }

    /** Every frame, RGB24 (height x width x 3, row-major). Holds them all: use {@link #write} for long videos. */
    public List<byte[]> render() {
        SceneRenderer renderer = renderer();
        List<byte[]> rendered = new ArrayList<>(frames);
        for (int f = 0; f < frames; f++) {
            rendered.add(renderer.render(f));
        }
        return rendered;
    }

    /** Renders and writes the video frame by frame (memory does not grow with its length). */
    public void write(Path file, VideoEncoder encoder) throws IOException {
        RenderedVideo.write(renderer(), frames, config.width(), config.height(), config.fps(), file, encoder);
    }

    SceneRenderer renderer() {
        return new SceneRenderer(scene, this::objectAt, this::drifterAt);
    }

    /** The object in frame t: at rest between actions, moving during one. */
    Sprite objectAt(int t) {
        double[] state = initial;
        for (int i = 0; i < actions.size(); i++) {
            ActionSegment action = actions.get(i);
            if (t < action.startFrame()) {
                break;
            }
            int into = Math.min(t, action.endFrame()) - action.startFrame();
            state = after(scene, statesAtStarts.get(i), action.motion(), into);
        }
        return scene.object().at(state[0], state[1], Math.exp(state[3]), state[2]);
    }

    /** The distractor in frame t, bouncing off the frame's edges. */
    Sprite drifterAt(int t) {
        return drifter.at(t);
    }

    /** The object's {x, y, angle, log radius} after {@code frames} frames of {@code motion} from {@code state}. */
    private static double[] after(Scene scene, double[] state, MotionClass motion, int frames) {
        double[] next = state.clone();
        double share = motion.direction() * (double) frames / NOMINAL_FRAMES;
        Quantity quantity = motion.moving();
        if (quantity == Quantity.X) {
            next[0] += scene.travel() * share;
        } else if (quantity == Quantity.Y) {
            next[1] += scene.travel() * share;
        } else if (quantity == Quantity.ANGLE) {
            next[2] += scene.rotation() * share; // as in trimmed videos: counter-clockwise grows the angle
        } else if (quantity == Quantity.SCALE) {
            next[3] += scene.logRadiusChange() * share;
        }
        return next;
    }

    private static boolean inside(SynthConfig config, Scene scene, double[] state) {
        double side = Math.min(config.width(), config.height());
        return state[0] >= config.width() * Scene.EDGE_MARGIN && state[0] <= config.width() * (1 - Scene.EDGE_MARGIN)
                && state[1] >= config.height() * Scene.EDGE_MARGIN && state[1] <= config.height() * (1 - Scene.EDGE_MARGIN)
                && state[3] >= Math.log(Scene.MIN_RADIUS * side) && state[3] <= Math.log(Scene.MAX_RADIUS * side);
    }
}
