package io.action4j.localization.train;

import io.action4j.localization.features.FeatureCsv;
import io.action4j.localization.features.FeatureResampling;
import io.action4j.localization.features.FeatureSequence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An annotated video's feature CSV, as training, validation and testing read it for a model. */
final class FeatureFiles {

    private FeatureFiles() {
    }

    /**
     * {@code <folder>/<video>.csv}.
     *
     * @param what how the video is named in the message ({@code "validation video "} or empty)
     * @throws IllegalArgumentException naming the video and the file when it does not exist
     */
    static Path csv(Path folder, String video, String what) {
        Path csv = folder.resolve(video + ".csv");
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException("no features for " + what + video + ": " + csv + " does not exist");
        }
        return csv;
    }

    /**
     * The CSV's features as a model of {@code featDim} channels and {@code steps} time steps reads
     * them: rescaled to {@code steps} unless they have that length already.
     *
     * @throws IllegalArgumentException naming the file when its column count is not {@code featDim}
     */
    static FeatureSequence modelInput(Path csv, int featDim, int steps) throws IOException {
        FeatureSequence features = FeatureCsv.read(csv);
        if (features.channels() != featDim) {
            throw new IllegalArgumentException(csv + ": " + features.channels()
                    + " feature columns, the model's featDim is " + featDim);
        }
        return FeatureResampling.toLength(features, steps);
    }
}
