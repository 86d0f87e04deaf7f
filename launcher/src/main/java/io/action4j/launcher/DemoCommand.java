package io.action4j.launcher;

import io.action4j.api.result.ClassScore;
import io.action4j.api.result.ClipScores;
import io.action4j.api.result.TemporalSegment;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.checkpoint.Checkpoint;
import io.action4j.engine.checkpoint.ModelCheckpoint;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.data.VideoWriters;
import io.action4j.engine.recognition.RecognitionOptions;
import io.action4j.engine.recognition.Recognizer;
import io.action4j.localization.run.LocalizationResult;
import io.action4j.localization.run.Localizer;
import io.action4j.localization.run.LocalizerOptions;
import io.action4j.localization.run.LocalizerWeights;
import io.action4j.localization.run.ProposalClassifier;
import io.action4j.localization.run.SegmentFiles;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import io.action4j.synth.MotionClass;
import io.action4j.synth.Split;
import io.action4j.synth.SynthConfig;
import io.action4j.synth.SyntheticMotionDataset;
import io.action4j.synth.SyntheticVideo;
import io.action4j.synth.UntrimmedVideo;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code action4j demo}: makes a synthetic motion video the built-in model has never seen and
 * recognises it, with no download and no arguments.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generates a synthetic motion video (a textured shape that moves, rotates, grows, shrinks or "
                + "stays still over clutter, noise and camera jitter) and recognises it with the built-in model: a "
                + "small R3D trained on the synthetic motion benchmark by the commands in the README.",
                "The video is new to the model: it comes from the generator's test split, beyond the indices the "
                + "model was trained, validated or tested on."})
final class DemoCommand implements Callable<Integer> {

    static final String RESOURCES = "/io/action4j/launcher/demo/";
    static final String CHECKPOINT = "r3d-small_synth.safetensors";
    static final String SYNTH_SETTINGS = "synth.json";
    /** BMN on the built-in model's snippet features, trained on synthetic untrimmed videos (README). */
    static final String LOCALIZER = "bmn_r3d-small_synth-untrimmed.safetensors";
    /** The demo's untrimmed video: 20 s, rests of 1 to 3 s, actions of 0.6 to 1.3 s (the training videos'). */
    private static final double UNTRIMMED_SECONDS = 20;
    private static final int[] REST_FRAMES = {25, 75};
    private static final int[] ACTION_FRAMES = {15, 32};
    /** Proposals the demo labels and prints at most. */
    private static final int PROPOSALS_SHOWN = 8;
    /** Demo videos take indices from here on, past any split the model saw. */
    private static final int FIRST_INDEX = 100_000;

    private final ConfigLoader loader;
    private final ConfigBinder binder;
    private final PluginRegistry registry;

    @Spec
    CommandSpec spec;

    @Mixin
    ReaderArguments readerArguments;

    @Option(names = "--motion", paramLabel = "CLASS",
            description = "The motion to show (move_left, move_right, move_up, move_down, rotate_cw, rotate_ccw, grow, "
                    + "shrink, still); default: drawn by --seed.")
    String motion;

    @Option(names = "--seed", defaultValue = "1", description = "Which video to make (default: ${DEFAULT-VALUE}).")
    int seed;

    @Option(names = "--keep", paramLabel = "FILE.mp4", description = "Keep the generated video here.")
    Path keep;

    @Inject
    DemoCommand(ConfigLoader loader, ConfigBinder binder, PluginRegistry registry) {
        this.loader = loader;
        this.binder = binder;
        this.registry = registry;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("action4j-demo");
        try {
            Path checkpoint = copyResource(CHECKPOINT, work);
            SynthConfig settings = SyntheticMotionDataset.readConfig(copyResource(SYNTH_SETTINGS, work));
            List<MotionClass> classes = settings.classes();
            MotionClass chosen = motion != null ? motionNamed(motion, classes)
                    : classes.get(new SplittableRandom(seed).nextInt(classes.size()));
            SyntheticVideo video = SyntheticVideo.of(settings, chosen, Split.TEST, FIRST_INDEX + seed);
            Path file = keep != null ? keep : work.resolve(video.fileName());
            video.write(file, VideoWriters.standard(registry));
            out.printf(Locale.ROOT, "generated a synthetic '%s' video, %dx%d, %d frames%s%n", chosen.id(),
                    settings.width(), settings.height(), settings.frames(), keep != null ? " (kept as " + keep + ")" : "");

            ModelCheckpoint.Contents contents = ModelCheckpoint.load(checkpoint);
            ExperimentConfig config = binder.bind(loader.parse(contents.config(), CHECKPOINT), ExperimentConfig.class);
            List<String> names = classes.stream().map(MotionClass::id).toList();
            try (Recognizer recognizer = new Recognizer(config, path -> readerArguments.decoderFor(path),
                    contents::loadInto, new RecognitionOptions("prob", 8, 0))) {
                ClipScores scores = recognizer.recognize(file);
                List<ClassScore> best = scores.topK(3, names);
                out.println("recognised by the built-in model (" + CHECKPOINT + "):");
                for (int rank = 0; rank < best.size(); rank++) {
                    out.printf(Locale.ROOT, "  %d. %-12s %.4f%n", rank + 1, best.get(rank).label(), best.get(rank).score());
                }
                boolean right = best.get(0).label().equals(chosen.id());
                out.println(right ? "correct" : "wrong: the video shows '" + chosen.id() + "'");
                out.println();
                localize(out, work, settings, checkpoint, recognizer, names);
            }
            return 0;
        } finally {
            deleteQuietly(work);
        }
    }

    /**
     * Temporal localization on a new untrimmed synthetic video: the built-in model's backbone gives the
     * snippet features, the built-in BMN the proposals, the built-in model labels the best of them.
     */
    private void localize(PrintWriter out, Path work, SynthConfig settings, Path recognizerCheckpoint,
                          Recognizer recognizer, List<String> names) throws IOException {
        Path localizerCheckpoint = copyResource(LOCALIZER, work);
        ModelCheckpoint.Contents contents = ModelCheckpoint.load(localizerCheckpoint);
        ExperimentConfig config = binder.bind(loader.parse(contents.config(), LOCALIZER), ExperimentConfig.class);
        UntrimmedVideo video = UntrimmedVideo.of(settings, (int) Math.round(UNTRIMMED_SECONDS * settings.fps()),
                REST_FRAMES, ACTION_FRAMES, Split.TEST, FIRST_INDEX + seed);
        Path file = work.resolve(video.name() + ".mp4");
        video.write(file, VideoWriters.standard(registry));
        out.printf(Locale.ROOT, "generated an untrimmed synthetic video, %dx%d, %.0f s, with %d actions (the generator's "
                + "ground truth):%n", settings.width(), settings.height(), UNTRIMMED_SECONDS, video.actions().size());
        for (UntrimmedVideo.ActionSegment action : video.actions()) {
            out.printf(Locale.ROOT, "  %6.2f s - %6.2f s  %s%n", action.startFrame() / video.fps(),
                    action.endFrame() / video.fps(), action.motion().id());
        }
        LocalizerWeights weights = new LocalizerWeights(new Checkpoint(recognizerCheckpoint, Checkpoint.AUTO, false),
                new Checkpoint(localizerCheckpoint, Checkpoint.AUTO, false));
        List<String> actions = names.stream().filter(name -> !name.equals(MotionClass.STILL.id())).toList();
        ProposalClassifier classifier = new ProposalClassifier(recognizer, names, actions);
        try (Localizer localizer = new Localizer(config, path -> readerArguments.decoderFor(path), weights,
                LocalizerOptions.DEFAULTS, binder.toJson(config))) {
            LocalizationResult result = localizer.localize(file);
            List<TemporalSegment> best = result.segments().subList(0, Math.min(PROPOSALS_SHOWN, result.segments().size()));
            List<TemporalSegment> labelled;
            try (VideoReader reader = readerArguments.decoderFor(file).open(file)) {
                labelled = classifier.classify(file, reader, best);
            }
            out.println("localized by the built-in localizer (" + LOCALIZER + ": BMN on the built-in model's snippet "
                    + "features), its " + best.size() + " best proposals labelled by the built-in model:");
            labelled.forEach(segment -> out.println("  " + SegmentFiles.describe(segment, actions)));
        }
    }

    private static MotionClass motionNamed(String name, List<MotionClass> classes) {
        MotionClass chosen = classes.stream().filter(c -> c.id().equals(name)).findFirst().orElse(null);
        if (chosen == null) {
            throw new IllegalArgumentException("--motion: unknown motion '" + name + "'; the built-in model knows "
                    + classes.stream().map(MotionClass::id).toList());
        }
        return chosen;
    }

    private static Path copyResource(String name, Path folder) throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the built-in demo file " + RESOURCES + name + " is missing from the launcher JAR");
            }
            Path target = folder.resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A temporary folder left behind is not worth failing the demo for.
        }
    }
}
