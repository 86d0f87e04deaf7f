package io.action4j.engine.training;

import io.action4j.api.model.TensorShape;
import io.action4j.api.video.VideoDecoder;
import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.data.ClipPipeline;
import io.action4j.engine.data.DatasetEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/** The size a training graph is built for: one sample's clip shape. */
final class TrainingShapes {

    private static final int ATTEMPTS = 10;

    private TrainingShapes() {
    }

    /** The pipeline's output for the first readable sample, as one sample's NCTHW shape. */
    static TensorShape clipShape(ClipPipeline pipeline, List<DatasetEntry> entries, Function<Path, VideoDecoder> decoders,
                                 long seed) {
        VideoException last = null;
        for (DatasetEntry entry : entries.subList(0, Math.min(ATTEMPTS, entries.size()))) {
            try (VideoReader reader = decoders.apply(entry.path()).open(entry.path())) {
                int[] shape = pipeline.run(reader, new SplittableRandom(seed)).tensor().shape();
                if (shape.length != 5 || shape[0] != 1) {
                    throw new IllegalArgumentException(entry.path() + ": the training pipeline made a clip of shape "
                            + java.util.Arrays.toString(shape) + "; training takes one NCTHW clip per sample (numClips 1, "
                            + "a single crop, format NCTHW)");
                }
                return TensorShape.of(1, shape[1], shape[2], shape[3], shape[4]);
            } catch (VideoException e) {
                last = e;
            }
        }
        throw new IllegalArgumentException("none of the first " + ATTEMPTS + " training samples could be read; the last: "
                + (last == null ? "none" : last.getMessage()), last);
    }
}
