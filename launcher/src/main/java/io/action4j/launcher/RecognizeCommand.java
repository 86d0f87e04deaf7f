package io.action4j.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.action4j.api.io.AtomicFiles;
import io.action4j.api.result.ClassScore;
import io.action4j.api.result.ClipScores;
import io.action4j.api.video.VideoDecoder;
import io.action4j.api.video.VideoException;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.data.VideoNames;
import io.action4j.engine.data.VideoWriters;
import io.action4j.engine.recognition.AnnotatedVideo;
import io.action4j.engine.recognition.RecognitionOptions;
import io.action4j.engine.recognition.Recognizer;
import io.action4j.engine.stream.WindowRun;
import io.action4j.engine.recognition.WindowScores;
import io.action4j.engine.stream.WindowSpec;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code action4j recognize --config C --checkpoint K [--labels L] VIDEO...}: top-k actions per video. */
@Command(name = "recognize", mixinStandardHelpOptions = true,
        description = {"Recognises the action in each video: the config's data pipeline samples and transforms its "
                + "views (clips x crops), the model scores them (at most --max-views-per-pass at a time) and the views "
                + "are averaged (MMAction2's average_clips); prints the top-k labels with their scores.",
                "With --window (and --stride) it scores windows over videos of any length instead, decoding each "
                + "video once and streaming: one JSON line per window, to --out or stdout, as soon as it is scored.",
                "Without --checkpoint the model keeps its seeded initial weights (the scores then mean nothing)."})
final class RecognizeCommand implements Callable<Integer> {

    private final ConfigLoader loader;
    private final ConfigBinder binder;
    private final PluginRegistry registry;

    @Spec
    CommandSpec spec;

    @Mixin
    CheckpointArguments checkpointArguments;

    @Mixin
    ReaderArguments readerArguments;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A config with 'model' and 'data' sections (default: the built-in r3d_18 Kinetics-400 model "
                    + "with its 16x1x1 test pipeline).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Class names, one per line (e.g. MMAction2's label_map_k400.txt); must match the model's classes.")
    Path labels;

    @Option(names = "--top-k", defaultValue = "5", description = "How many classes to print (default: ${DEFAULT-VALUE}).")
    int topK;

    @Mixin
    ViewArguments viewArguments;

    @Option(names = "--on-error", defaultValue = "fail",
            description = "fail: stop at the first video that cannot be read (default); skip: report it and go on.")
    VideoCommand.Check.OnError onError;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also write the results as JSON; with --window, write the JSON lines here instead of stdout. "
                    + "The file is replaced only when the run completes; a failed run leaves an earlier one as it was.")
    Path output;

    @Option(names = "--append",
            description = "With --window and --out: append each window's line to FILE as soon as it is scored "
                    + "(to follow a long run live) instead of replacing FILE when the run completes.")
    boolean append;

    @Option(names = "--annotate", paramLabel = "DIR",
            description = "Whole-video mode: also write each video with its top labels drawn on every frame, as "
                    + "DIR/<name>.annotated.mp4 (MPEG-4).")
    Path annotate;

    @Option(names = "--window", paramLabel = "W",
            description = "Score windows of W frames (e.g. 64), or seconds with an s suffix (e.g. 2s), over each video; "
                    + "a video shorter than W gives one window over all of it.")
    String window;

    @Option(names = "--stride", paramLabel = "S",
            description = "Frames (or seconds, e.g. 1s) between the starts of windows (default: the window, no overlap). "
                    + "A last window ends at the video's end when frames would otherwise be left out.")
    String stride;

    @Option(names = "--progress",
            description = "Draw progress bars on stderr even when it is not a terminal (they are drawn on a terminal anyway).")
    boolean progress;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but results, errors and the warning that "
            + "there is no --checkpoint: no progress, no summaries.")
    boolean quiet;

    @Parameters(arity = "1..*", paramLabel = "VIDEO", description = "Video files or rawframe folders.")
    List<Path> videos;

    @Inject
    RecognizeCommand(ConfigLoader loader, ConfigBinder binder, PluginRegistry registry) {
        this.loader = loader;
        this.binder = binder;
        this.registry = registry;
    }

    @Override
    public Integer call() throws IOException {
        if (quiet && progress) {
            throw new ParameterException(spec.commandLine(), "--quiet and --progress exclude each other");
        }
        if (stride != null && window == null) {
            throw new ParameterException(spec.commandLine(), "--stride needs --window");
        }
        if (annotate != null && window != null) {
            throw new ParameterException(spec.commandLine(), "--annotate draws one result per video: not with --window");
        }
        if (append && (window == null || output == null)) {
            throw new ParameterException(spec.commandLine(), "--append needs --window and --out");
        }
        if (output != null) {
            AtomicFiles.checkTarget(output);
        }
        WindowSpec windows = null;
        if (window != null) {
            try {
                windows = WindowSpec.parse(window, stride == null ? window : stride);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
            }
        }
        ExperimentConfig experiment = binder.bind(ConfigArguments.load(loader, config, overrides), ExperimentConfig.class);
        // Said even with --quiet: it is about what the results are worth, not progress.
        checkpointArguments.warnIfNone(spec.commandLine().getErr(), "so these scores mean nothing");
        RecognitionOptions options = viewArguments.options();
        ProgressBars bars = new ProgressBars(spec.commandLine().getErr(), ProgressBars.wanted(quiet, progress));
        Function<Path, VideoDecoder> decoders = readerArguments.decodersFor(experiment);
        try (Recognizer recognizer = new Recognizer(experiment, decoders, checkpointArguments::loadInto, options)) {
            List<String> names = readLabels(recognizer.numClasses());
            return windows == null ? wholeVideos(recognizer, decoders, names, bars)
                    : windowsOfVideos(recognizer, windows, names, bars);
        }
    }

    /** One result per video: the top-k printed, and all of them as one JSON array with --out. */
    private int wholeVideos(Recognizer recognizer, Function<Path, VideoDecoder> decoders, List<String> names,
                            ProgressBars bars) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ArrayNode results = new ObjectMapper().createArrayNode();
        int failures = 0;
        try (ProgressBars.Bar bar = videos.size() > 1 ? bars.items("recognize", videos.size(), "videos")
                : ProgressBars.Bar.NONE) {
            for (Path video : videos) {
                ClipScores scores;
                try {
                    scores = recognizer.recognize(video);
                } catch (VideoException e) {
                    if (onError == VideoCommand.Check.OnError.FAIL) {
                        throw e;
                    }
                    failures++;
                    bars.print(spec.commandLine().getErr(), "skipped: " + e.getMessage());
                    results.addObject().put("video", video.toString()).put("error", e.getMessage());
                    bar.step();
                    continue;
                }
                List<ClassScore> best = scores.topK(topK, names);
                StringBuilder printed = new StringBuilder(video + ":");
                ObjectNode result = results.addObject().put("video", video.toString());
                putTopK(result, best);
                for (int rank = 0; rank < best.size(); rank++) {
                    ClassScore score = best.get(rank);
                    printed.append(String.format("%n  %d. %-40s %.4f  (class %d)", rank + 1, score.label(), score.score(),
                            score.classIndex()));
                }
                bars.print(out, printed.toString());
                if (annotate != null) {
                    Path annotated = annotatedPath(video);
                    AnnotatedVideo.write(decoders.apply(video), video, VideoWriters.standard(registry), annotated,
                            best.stream().limit(3).map(score ->
                                    String.format(java.util.Locale.ROOT, "%s %.3f", score.label(), score.score()))
                                    .toList());
                    result.put("annotated", annotated.toString());
                }
                bar.step();
            }
        }
        if (output != null) {
            AtomicFiles.writeString(output, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
        }
        return failures == 0 ? 0 : 1;
    }

    /** DIR/<name without extension>.annotated.mp4, the folder made when needed. */
    private Path annotatedPath(Path video) throws IOException {
        Files.createDirectories(annotate);
        return annotate.resolve(VideoNames.stem(video) + ".annotated.mp4");
    }

    /**
     * One JSON line per window, written and flushed as each window is scored (to --out, else stdout);
     * a short summary per video on stderr unless --quiet.
     */
    private int windowsOfVideos(Recognizer recognizer, WindowSpec windows, List<String> names, ProgressBars bars)
            throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        int failures = 0;
        try (AtomicFiles.PendingText pending = output == null || append ? null : AtomicFiles.pendingText(output);
             Writer appended = append ? Files.newBufferedWriter(output, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND) : null) {
            Writer file = pending != null ? pending.writer() : appended;
            WindowLines lines = result -> {
                String line = result.toString(); // compact JSON on one line
                if (file == null) {
                    bars.print(spec.commandLine().getOut(), line);
                } else {
                    file.write(line + "\n");
                    file.flush();
                }
            };
            for (int i = 0; i < videos.size(); i++) {
                Path video = videos.get(i);
                String task = videos.size() > 1 ? "[" + (i + 1) + "/" + videos.size() + "] " + video.getFileName()
                        : video.getFileName().toString();
                WindowRun run;
                try (ProgressBars.FrameBar bar = bars.frames(task)) {
                    run = recognizer.recognizeWindows(video, windows,
                            scores -> lines.writeUnchecked(windowResult(video, scores, names)),
                            bar);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                } catch (VideoException e) {
                    if (onError == VideoCommand.Check.OnError.FAIL) {
                        throw e;
                    }
                    failures++;
                    bars.print(err, "skipped: " + e.getMessage());
                    lines.write(JsonNodeFactory.instance.objectNode().put("video", video.toString())
                            .put("error", e.getMessage()));
                    continue;
                }
                if (!quiet) {
                    summarise(video, windows, run);
                }
            }
            if (pending != null) {
                pending.commit();
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private ObjectNode windowResult(Path video, WindowScores scores, List<String> names) {
        ObjectNode line = JsonNodeFactory.instance.objectNode()
                .put("video", video.toString())
                .put("window", scores.window())
                .put("startFrame", scores.startFrame())
                .put("endFrame", scores.endFrame())
                .put("startSeconds", scores.startSeconds())
                .put("endSeconds", scores.endSeconds());
        putTopK(line, scores.topK(topK, names));
        return line;
    }

    private static void putTopK(ObjectNode result, List<ClassScore> best) {
        ArrayNode top = result.putArray("topK");
        for (ClassScore score : best) {
            top.addObject().put("label", score.label()).put("classIndex", score.classIndex()).put("score", score.score());
        }
    }

    private void summarise(Path video, WindowSpec windows, WindowRun run) {
        PrintWriter err = spec.commandLine().getErr();
        err.printf("%s: %d windows (%d frames every %d: %s at %s fps), %d frames decoded, at most %d held%n", video,
                run.windows(), run.plan().windowFrames(), run.plan().strideFrames(), windows,
                Math.round(run.metadata().fps() * 100) / 100.0, run.framesDecoded(), run.maxFramesHeld());
        if (run.frameCountDiffers()) {
            err.printf("warning: %s: the stream gave %d frames where the container announced %d; the windows cover "
                    + "the frames decoded%n", video, run.framesDecoded(), run.metadata().frameCount());
        }
        err.flush();
    }

    /** Where JSON lines go; {@link #writeUnchecked} lets the window callback carry an I/O error out. */
    @FunctionalInterface
    private interface WindowLines {

        void write(ObjectNode result) throws IOException;

        default void writeUnchecked(ObjectNode result) {
            try {
                write(result);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Class names from --labels, checked against the model before any video is read. */
    private List<String> readLabels(int numClasses) throws IOException {
        if (labels == null) {
            return List.of();
        }
        List<String> names;
        try {
            names = Files.readAllLines(labels, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
        } catch (NoSuchFileException e) {
            throw new IOException(labels + ": label file not found");
        }
        if (names.size() != numClasses) {
            throw new IllegalArgumentException(labels + " has " + names.size() + " labels, but the model scores "
                    + numClasses + " classes");
        }
        return names;
    }
}
