package io.action4j.localization.train;

import io.action4j.api.video.VideoDecoder;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.checkpoint.Checkpoint;
import io.action4j.engine.config.DatasetConfig;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.data.ClipPipeline;
import io.action4j.engine.data.VideoNames;
import io.action4j.engine.stream.Snippets;
import io.action4j.localization.activitynet.ActivityNetAnnotations;
import io.action4j.localization.features.FeatureCache;
import io.action4j.localization.features.SnippetFeatureExtractor;
import io.action4j.localization.run.LocalizerWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Features on the fly for a localizer's dataset: with a {@code videoPrefix}, every annotated video whose
 * feature CSV {@code dataPrefix} lacks is streamed once through the config's backbone (its data pipeline and
 * snippets, as {@code localize} and {@code features} cut them) and its features are kept there, MMAction2's
 * CSV with the {@code .npy} and times beside it, so that the next run (or epoch, or the test) reads them.
 */
public final class FeaturePreparation {

    private FeaturePreparation() {
    }

    /**
     * Extracts what {@code dataset} lacks; returns how many videos were extracted (0 without a videoPrefix).
     *
     * @param what the dataset's section, for messages ({@code trainDataloader.dataset})
     * @param progress receives one line per video extracted
     */
    public static int prepare(ExperimentConfig config, DatasetConfig dataset, String what,
                              Function<Path, VideoDecoder> decoders, Consumer<String> progress) throws IOException {
        if (!dataset.extractsFeatures()) {
            return 0;
        }
        if (config.model() == null || config.model().backbone() == null || config.data() == null) {
            throw new IllegalArgumentException(what + ".videoPrefix: extracting features needs a model with a backbone "
                    + "and a 'data' section (how a snippet's frames become its input)");
        }
        Path features = Path.of(dataset.dataPrefix());
        List<String> missing = new ArrayList<>();
        for (ActivityNetAnnotations.Video video : ActivityNetAnnotations.read(Path.of(dataset.annFile()), line -> { },
                false)) {
            if (!Files.exists(features.resolve(video.name() + ".csv"))) {
                missing.add(video.name());
            }
        }
        if (missing.isEmpty()) {
            return 0;
        }
        Map<String, Path> videos = videosByName(Path.of(dataset.videoPrefix()), what);
        Files.createDirectories(features);
        ClipPipeline pipeline = ClipPipeline.build(config.data());
        Snippets snippets = Snippets.of(config.windows() == null ? null : config.windows().spec(), pipeline);
        LocalizerWeights weights = new LocalizerWeights(dataset.featureCheckpoint() == null ? null
                : new Checkpoint(Path.of(dataset.featureCheckpoint()), Checkpoint.AUTO, false), null);
        long seed = config.trainCfg() == null ? 0 : config.trainCfg().seed();
        try (SnippetFeatureExtractor extractor = new SnippetFeatureExtractor(config.model(), pipeline, snippets, 8, seed,
                weights.backboneLoader())) {
            for (String name : missing) {
                Path video = videos.get(name);
                if (video == null) {
                    throw new IOException(dataset.annFile() + ": video " + name + " has no feature CSV in " + features
                            + " and no video in " + dataset.videoPrefix() + " (" + what + ".videoPrefix)");
                }
                try (VideoReader reader = decoders.apply(video).open(video)) {
                    var sequence = extractor.features(video, reader);
                    Path csv = FeatureCache.writeAll(sequence, features, name);
                    progress.accept("features of " + video + ": " + sequence.steps() + " snippets -> " + csv);
                }
            }
        }
        return missing.size();
    }

    /** The videos of a folder by file stem ({@code v_abc.mp4} is {@code v_abc}). */
    private static Map<String, Path> videosByName(Path folder, String what) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": no such folder (" + what + ".videoPrefix)");
        }
        Map<String, Path> byName = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(Files::isRegularFile).sorted().forEach(file -> byName.putIfAbsent(VideoNames.stem(file), file));
        }
        return byName;
    }
}
