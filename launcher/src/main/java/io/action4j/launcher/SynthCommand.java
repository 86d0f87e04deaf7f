package io.action4j.launcher;

import io.action4j.engine.data.VideoWriters;
import io.action4j.registry.PluginRegistry;
import io.action4j.synth.AvaSynthDataset;
import io.action4j.synth.MotionClass;
import io.action4j.synth.ProposalNoise;
import io.action4j.synth.SynthConfig;
import io.action4j.synth.SyntheticMotionDataset;
import io.action4j.synth.UntrimmedDataset;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code action4j synth --out DIR}: a labelled synthetic dataset in which only the motion tells the classes apart. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Generates videos of a textured shape that moves left/right/up/down, rotates clockwise or "
                + "counter-clockwise, grows, shrinks or stays still, over a cluttered background with noise and "
                + "camera jitter. In a frame taken at random from a video, the shape's position, size and angle have "
                + "the same distribution in every class: only the motion carries the label.",
                "Writes DIR/videos/<class>/*.mp4 (MPEG-4), DIR/train.txt, val.txt, test.txt ('path label', paths "
                        + "relative to DIR, as MMAction2's VideoDataset reads them), DIR/classes.txt and DIR/synth.json "
                        + "(the settings). The same settings give the same videos.",
                "With --untrimmed it writes untrimmed videos for temporal localization instead: one continuous scene "
                        + "each, in which the shape rests, performs an action (any class but still), rests again, and "
                        + "so on, while a distractor drifts in the background: DIR/videos/v_<split>_<n>.mp4 and "
                        + "DIR/<split>.json, MMAction2's ActivityNet annotation format (segments in seconds).",
                "With --ava it writes videos for spatio-temporal action detection, AVA style: 2-4 actors per video "
                        + "(--actors), each a textured shape doing its own movements (--classes, still while resting) "
                        + "with now and then a pulse or wobble on top, so 1-2 labels per person: DIR/videos/<split>_<n>.mp4; "
                        + "DIR/<split>.csv, AVA ground truth (video_id,timestamp,x1,y1,x2,y2,action_id,person_id, a row "
                        + "per label, keyframes at whole seconds 1..duration-1, frame round(t*fps)); "
                        + "DIR/<split>_oracle_proposals.csv (the true boxes) and DIR/<split>_perturbed_proposals.csv "
                        + "(boxes with IoU ~0.75 to the truth, some missed, some false), both "
                        + "video_id,timestamp,x1,y1,x2,y2,-1,score as ava_csv_boxes reads them; DIR/ava_action_list.pbtxt "
                        + "and DIR/synth.json. 'eval ava --labelmap DIR/ava_action_list.pbtxt' scores results against "
                        + "the ground truth."})
final class SynthCommand implements Callable<Integer> {

    private final PluginRegistry registry;

    @Inject
    SynthCommand(PluginRegistry registry) {
        this.registry = registry;
    }

    private static final SynthConfig DEFAULTS = SynthConfig.defaults();

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the dataset into.")
    Path output;

    @Option(names = "--seed", description = "Dataset seed (default: ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    @Option(names = "--classes", paramLabel = "A,B,...",
            description = "Class ids in label order, or a set: all, translation, rotation, scale (grow, shrink, still), "
                    + "horizontal (default: all = move_left,move_right,move_up,move_down,rotate_cw,rotate_ccw,grow,"
                    + "shrink,still).")
    String classes = "all";

    @Option(names = "--size", paramLabel = "WxH",
            description = "Frame size, even numbers (default: 64x64); --ava defaults to 160x120.")
    String size;

    @Option(names = "--frames", description = "Frames per video (default: ${DEFAULT-VALUE}).")
    int frames = DEFAULTS.frames();

    @Option(names = "--fps", description = "Frame rate written into the files (default: ${DEFAULT-VALUE}).")
    double fps = DEFAULTS.fps();

    @Option(names = "--difficulty", paramLabel = "LEVEL",
            description = "easy, medium, hard or a number from 0 to 1: harder means smaller motion, more clutter, "
                    + "noise and camera jitter (default: medium = 0.5).")
    String difficulty = "medium";

    @Option(names = "--train-per-class", paramLabel = "N", description = "Training videos per class (default: ${DEFAULT-VALUE}).")
    int trainPerClass = DEFAULTS.trainPerClass();

    @Option(names = "--val-per-class", paramLabel = "N", description = "Validation videos per class (default: ${DEFAULT-VALUE}).")
    int valPerClass = DEFAULTS.valPerClass();

    @Option(names = "--test-per-class", paramLabel = "N", description = "Test videos per class (default: ${DEFAULT-VALUE}).")
    int testPerClass = DEFAULTS.testPerClass();

    @Option(names = "--untrimmed", description = "Write untrimmed videos with action segments (see above).")
    boolean untrimmed;

    @Option(names = "--ava", description = "Write multi-actor videos with AVA-format boxes and labels (see above).")
    boolean ava;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "With --untrimmed or --ava: each video's length (default: 30; with --ava 15, whole seconds).")
    Double duration;

    @Option(names = "--videos", paramLabel = "TRAIN,VAL,TEST", split = ",",
            description = "With --untrimmed or --ava: videos per split (default: 40,10,10; with --ava 40,8,16).")
    List<Integer> videos;

    @Option(names = "--actors", paramLabel = "MIN,MAX", split = ",",
            description = "With --ava: the fewest and most actors a video has (default: 2,4).")
    List<Integer> actors = List.of(2, 4);

    @Option(names = "--rest", paramLabel = "MIN,MAX", split = ",",
            description = "With --untrimmed: seconds of rest before and between actions (default: 1,3).")
    List<Double> rest = List.of(1.0, 3.0);

    @Option(names = "--action", paramLabel = "MIN,MAX", split = ",",
            description = "With --untrimmed: seconds an action lasts (default: 0.6,1.3; at the trimmed videos' speed, "
                    + "so an action of 1.28 s at 25 fps moves the shape as far as a whole trimmed video does).")
    List<Double> action = List.of(0.6, 1.3);

    @Option(names = "--threads", paramLabel = "N",
            description = "Videos made at a time (default: the number of processors); the files do not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws IOException {
        if (ava && untrimmed) {
            throw new IllegalArgumentException("--ava and --untrimmed are different datasets: choose one");
        }
        // Each dataset has its own defaults where the options are shared.
        String frameSize = size != null ? size : ava ? "160x120" : DEFAULTS.width() + "x" + DEFAULTS.height();
        double seconds = duration != null ? duration : ava ? 15 : 30;
        List<Integer> perSplit = videos != null ? videos : ava ? List.of(40, 8, 16) : List.of(40, 10, 10);
        String[] widthHeight = frameSize.strip().toLowerCase(Locale.ROOT).split("x");
        int width;
        int height;
        try {
            if (widthHeight.length != 2) {
                throw new NumberFormatException();
            }
            width = Integer.parseInt(widthHeight[0]);
            height = Integer.parseInt(widthHeight[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--size must be WIDTHxHEIGHT, e.g. 64x64, got '" + frameSize + "'");
        }
        SynthConfig config = new SynthConfig(seed, MotionClass.parseList(classes), width, height, frames, fps,
                SynthConfig.parseDifficulty(difficulty), trainPerClass, valPerClass, testPerClass);
        if (threads <= 0) {
            throw new IllegalArgumentException("--threads must be positive, got " + threads);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (untrimmed) {
            return writeUntrimmed(config, seconds, perSplit, out);
        }
        if (ava) {
            return writeAva(config, seconds, perSplit, out);
        }
        SyntheticMotionDataset.Summary summary = SyntheticMotionDataset.generate(config, output, VideoWriters.standard(registry), threads);
        out.printf("wrote %d videos (train %d, val %d, test %d; %d classes, %dx%d, %d frames) to %s in %.1f s "
                        + "(%.1f videos/s)%n", summary.videos(), summary.train(), summary.val(), summary.test(),
                config.classes().size(), width, height, frames, output, summary.elapsed().toNanos() / 1e9,
                summary.videosPerSecond());
        out.flush();
        return 0;
    }

    private int writeUntrimmed(SynthConfig config, double duration, List<Integer> videos, PrintWriter out)
            throws IOException {
        if (videos.size() != 3 || rest.size() != 2 || action.size() != 2) {
            throw new IllegalArgumentException("--videos takes TRAIN,VAL,TEST; --rest and --action take MIN,MAX seconds");
        }
        if (!(duration > 0)) {
            throw new IllegalArgumentException("--duration must be positive, got " + duration);
        }
        UntrimmedDataset.Settings settings = new UntrimmedDataset.Settings((int) Math.round(duration * fps),
                new int[] {frames(rest.get(0)), frames(rest.get(1))}, new int[] {frames(action.get(0)),
                    frames(action.get(1))}, videos.get(0), videos.get(1), videos.get(2));
        UntrimmedDataset.Summary summary = UntrimmedDataset.generate(config, settings, output,
                VideoWriters.standard(registry), threads);
        out.printf("wrote %d untrimmed videos (train %d, val %d, test %d; %.0f s each, %d actions in all) to %s in "
                + "%.1f s%n", summary.videos(), videos.get(0), videos.get(1), videos.get(2), duration, summary.actions(),
                output, summary.elapsed().toNanos() / 1e9);
        out.flush();
        return 0;
    }

    private int writeAva(SynthConfig config, double duration, List<Integer> videos, PrintWriter out)
            throws IOException {
        if (videos.size() != 3 || actors.size() != 2) {
            throw new IllegalArgumentException("--videos takes TRAIN,VAL,TEST; --actors takes MIN,MAX");
        }
        if (!(duration >= 2) || duration != Math.rint(duration)) {
            throw new IllegalArgumentException("--duration must be a whole number of seconds, at least 2 (keyframes "
                    + "sit on whole seconds), got " + duration);
        }
        AvaSynthDataset.Settings settings = new AvaSynthDataset.Settings((int) duration, actors.get(0),
                actors.get(1), videos.get(0), videos.get(1), videos.get(2), ProposalNoise.defaults());
        AvaSynthDataset.Summary summary = AvaSynthDataset.generate(config, settings, output,
                VideoWriters.standard(registry), threads);
        out.printf("wrote %d multi-actor videos (train %d, val %d, test %d; %dx%d, %.0f s each, %d-%d actors): "
                + "%d keyframes, %d person boxes, %d labels, to %s in %.1f s%n", summary.videos(), videos.get(0),
                videos.get(1), videos.get(2), config.width(), config.height(), duration, actors.get(0), actors.get(1),
                summary.keyframes(), summary.people(), summary.rows(), output, summary.elapsed().toNanos() / 1e9);
        out.flush();
        return 0;
    }

    private int frames(double seconds) {
        return (int) Math.round(seconds * fps);
    }
}
