package io.action4j.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.detection.PersonBox;
import io.action4j.api.detection.PersonBoxSource;
import io.action4j.api.result.ClassScore;
import io.action4j.api.result.ClipScores;
import io.action4j.api.result.TemporalSegment;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.checkpoint.Checkpoint;
import io.action4j.engine.checkpoint.ModelCheckpoint;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.config.KeyframesConfig;
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
import io.action4j.spatiotemporal.ava.AvaLabelMapReader;
import io.action4j.spatiotemporal.run.ActionLabels;
import io.action4j.spatiotemporal.run.DetectionResult;
import io.action4j.spatiotemporal.run.DetectionVideo;
import io.action4j.spatiotemporal.run.Detector;
import io.action4j.spatiotemporal.run.DetectorOptions;
import io.action4j.synth.ActionLabelMap;
import io.action4j.synth.AvaSynthDataset;
import io.action4j.synth.MotionClass;
import io.action4j.synth.MultiActorVideo;
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
        description = {"Shows the three tasks on generated videos with the built-in models. Generates a synthetic motion video (a textured shape that moves, rotates, grows, shrinks or "
                + "stays still over clutter, noise and camera jitter) and recognises it with the built-in model: a "
                + "small R3D trained on the synthetic motion benchmark by the commands in the README.",
                "The video is new to the model: it comes from the generator's test split, beyond the indices the "
                + "model was trained, validated or tested on.",
                "Then it localizes the actions in an untrimmed video with the built-in BMN, and detects who does what in "
                        + "a multi-actor video with the built-in detector, on the generator's person boxes, writing the "
                        + "annotated video to --detections-video."})
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
    /** The built-in detector: backbone + AVA RoI head trained on synthetic multi-actor videos (README). */
    static final String DETECTOR = "r3d-small_ava-synth.safetensors";
    /** The generator settings of the detector's training videos ({@code synth --ava}'s synth.json). */
    static final String AVA_SYNTH_SETTINGS = "ava-synth.json";
    /** The built-in detector's label map (the synthetic actions). */
    static final String DETECTOR_LABELS = "ava-synth_actions.pbtxt";
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

    @Option(names = "--tasks", split = ",", defaultValue = "recognition,localization,detection", paramLabel = "TASK,...",
            description = "The tasks to show: recognition, localization, detection (default: all three).")
    List<String> tasks;

    @Option(names = "--detections-video", defaultValue = "action4j-demo-detections.mp4", paramLabel = "FILE.mp4",
            description = "Where the multi-actor video with each person's box, track and actions is written "
                    + "(default: ${DEFAULT-VALUE}).")
    Path detectionsVideo;

    @Inject
    DemoCommand(ConfigLoader loader, ConfigBinder binder, PluginRegistry registry) {
        this.loader = loader;
        this.binder = binder;
        this.registry = registry;
    }

    @Override
    public Integer call() throws IOException {
        for (String task : tasks) {
            if (!List.of("recognition", "localization", "detection").contains(task)) {
                throw new IllegalArgumentException("--tasks: unknown task '" + task + "'; the demo shows "
                        + "recognition, localization and detection");
            }
        }
        Outputs.check(keep, tasks.contains("detection") ? detectionsVideo : null);
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("action4j-demo");
        try {
            Path checkpoint = copyResource(CHECKPOINT, work);
            SynthConfig settings = SyntheticMotionDataset.readConfig(copyResource(SYNTH_SETTINGS, work));
            List<String> names = settings.classes().stream().map(MotionClass::id).toList();
            ModelCheckpoint.Contents contents = ModelCheckpoint.load(checkpoint);
            ExperimentConfig config = binder.bind(loader.parse(contents.config(), CHECKPOINT), ExperimentConfig.class);
            try (Recognizer recognizer = new Recognizer(config, path -> readerArguments.decoderFor(path),
                    contents::loadInto, new RecognitionOptions("prob", 8, 0))) {
                if (tasks.contains("recognition")) {
                    recognize(out, work, settings, recognizer, names);
                    out.println();
                }
                if (tasks.contains("localization")) {
                    localize(out, work, settings, checkpoint, recognizer, names);
                    out.println();
                }
            }
            if (tasks.contains("detection")) {
                detect(out, work);
            }
            return 0;
        } finally {
            deleteQuietly(work);
        }
    }

    /** Recognition of a new synthetic motion video by the built-in model. */
    private void recognize(PrintWriter out, Path work, SynthConfig settings, Recognizer recognizer, List<String> names)
            throws IOException {
        List<MotionClass> classes = settings.classes();
        MotionClass chosen = motion != null ? motionNamed(motion, classes)
                : classes.get(new SplittableRandom(seed).nextInt(classes.size()));
        SyntheticVideo video = SyntheticVideo.of(settings, chosen, Split.TEST, FIRST_INDEX + seed);
        Path file = keep != null ? keep : work.resolve(video.fileName());
        video.write(file, VideoWriters.standard(registry));
        out.printf(Locale.ROOT, "generated a synthetic '%s' video, %dx%d, %d frames%s%n", chosen.id(),
                settings.width(), settings.height(), settings.frames(), keep != null ? " (kept as " + keep + ")" : "");
        ClipScores scores = recognizer.recognize(file);
        List<ClassScore> best = scores.topK(3, names);
        out.println("recognised by the built-in model (" + CHECKPOINT + "):");
        for (int rank = 0; rank < best.size(); rank++) {
            out.printf(Locale.ROOT, "  %d. %-12s %.4f%n", rank + 1, best.get(rank).label(), best.get(rank).score());
        }
        boolean right = best.get(0).label().equals(chosen.id());
        out.println(right ? "correct" : "wrong: the video shows '" + chosen.id() + "'");
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

    /**
     * Spatio-temporal detection on a new multi-actor video: the generator's boxes (oracle boxes, said so),
     * the built-in detector's actions per person, people tracked over keyframes, per-person segments, and
     * the annotated video written out.
     */
    private void detect(PrintWriter out, Path work) throws IOException {
        Path checkpoint = copyResource(DETECTOR, work);
        JsonNode synth = new ObjectMapper().readTree(copyResource(AVA_SYNTH_SETTINGS, work).toFile());
        SynthConfig settings = new SynthConfig(synth.get("seed").asLong(), MotionClass.parseList("all"),
                synth.get("width").asInt(), synth.get("height").asInt(), synth.get("framesPerVideo").asInt(),
                synth.get("fps").asDouble(), synth.get("difficulty").asDouble(), 1, 0, 0);
        int seconds = synth.get("seconds").asInt();
        MultiActorVideo video = MultiActorVideo.of(settings, seconds, synth.get("actors").get("min").asInt(),
                synth.get("actors").get("max").asInt(), Split.TEST, FIRST_INDEX + seed);
        Path file = work.resolve(video.name() + ".mp4");
        video.write(file, VideoWriters.standard(registry));
        ActionLabelMap labelMap = ActionLabelMap.of(settings.classes());
        Path pbtxt = Files.writeString(work.resolve(AvaSynthDataset.LABEL_MAP_FILE), labelMap.pbtxt());
        out.printf(Locale.ROOT, "generated a multi-actor synthetic video, %dx%d, %d s, %d people; what each does (the "
                + "generator's ground truth):%n", settings.width(), settings.height(), seconds, video.actorCount());
        groundTruthSegments(video).forEach(line -> out.println("  " + line));

        ModelCheckpoint.Contents contents = ModelCheckpoint.load(checkpoint);
        ExperimentConfig config = binder.bind(loader.parse(contents.config(), DETECTOR), ExperimentConfig.class);
        int numClasses = config.model().roiHead().create(io.action4j.api.model.DetectionHead.class).numClasses();
        ActionLabels labels = ActionLabels.of(pbtxt, AvaLabelMapReader.read(pbtxt), numClasses);
        PersonBoxSource generatorBoxes = keyframe -> video.keyframes().stream()
                .filter(person -> person.second() == Math.round(keyframe.timestampSeconds()))
                .map(person -> new PersonBox(new NormalizedBox((float) person.box().x1(), (float) person.box().y1(),
                        (float) person.box().x2(), (float) person.box().y2()), 1f)).toList();
        KeyframesConfig keyframes = config.keyframes() == null ? KeyframesConfig.AVA : config.keyframes();
        DetectionVideo drawing = new DetectionVideo(keyframes, DetectorOptions.DEFAULTS.actionThreshold());
        DetectionResult result;
        try (Detector detector = new Detector(config, path -> readerArguments.decoderFor(path), contents::loadInto,
                generatorBoxes, DetectorOptions.DEFAULTS, labels)) {
            result = detector.detect(file, drawing, io.action4j.engine.stream.DecodeProgress.NONE);
        }
        out.println("detected by the built-in detector (" + DETECTOR + ": the built-in model's backbone with an AVA RoI "
                + "head) on the generator's person boxes (oracle boxes, not a person detector's), " + result.tracks()
                + " people tracked over " + result.keyframes() + " keyframes:");
        result.segments().forEach(segment -> out.println("  " + DetectCommand.describe(segment)));
        drawing.write(readerArguments.decoderFor(file), file, VideoWriters.standard(registry), detectionsVideo);
        out.println("wrote " + detectionsVideo + " (boxes, track ids and actions drawn on the video)");
    }

    /**
     * Each person's runs of the same movement, then of the same secondary motion, as "person N: label A-B s",
     * each keyframe speaking for half a second on either side (as the detector's segments do).
     */
    private static List<String> groundTruthSegments(MultiActorVideo video) {
        List<String> lines = new java.util.ArrayList<>();
        for (int person = 0; person < video.actorCount(); person++) {
            int who = person;
            List<MultiActorVideo.KeyframePerson> seen = video.keyframes().stream().filter(p -> p.person() == who).toList();
            List<String> runs = new java.util.ArrayList<>(runs(seen, p -> p.movement().id()));
            runs.addAll(runs(seen, p -> p.secondary() == null ? null : p.secondary().id()));
            lines.add("person " + (person + 1) + ": " + String.join(", ", runs));
        }
        return lines;
    }

    /** Runs of consecutive keyframes with the same label (null: none), as "label A-B s". */
    private static List<String> runs(List<MultiActorVideo.KeyframePerson> seen,
                                     java.util.function.Function<MultiActorVideo.KeyframePerson, String> label) {
        List<String> runs = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 1; i <= seen.size(); i++) {
            String current = label.apply(seen.get(start));
            if (i == seen.size() || !java.util.Objects.equals(label.apply(seen.get(i)), current)) {
                if (current != null) {
                    runs.add(String.format(Locale.ROOT, "%s %.1f-%.1f s", current, seen.get(start).second() - 0.5,
                            seen.get(i - 1).second() + 0.5));
                }
                start = i;
            }
        }
        return runs;
    }

    private static MotionClass motionNamed(String name, List<MotionClass> classes) {
        MotionClass chosen = classes.stream().filter(c -> c.id().equals(name)).findFirst().orElse(null);
        if (chosen == null) {
            throw new IllegalArgumentException("--motion: unknown motion '" + name + "'; the built-in model knows "
                    + classes.stream().map(MotionClass::id).toList());
        }
        return chosen;
    }

    static Path copyResource(String name, Path folder) throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the built-in demo file " + RESOURCES + name + " is missing from the launcher JAR");
            }
            Path target = folder.resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }

    static void deleteQuietly(Path folder) {
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
