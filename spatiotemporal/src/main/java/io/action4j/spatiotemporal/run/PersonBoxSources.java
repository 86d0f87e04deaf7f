package io.action4j.spatiotemporal.run;

import io.action4j.api.ComponentKind;
import io.action4j.api.detection.Keyframe;
import io.action4j.api.detection.PersonBox;
import io.action4j.api.detection.PersonBoxSource;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ComponentSpec;
import io.action4j.spatiotemporal.boxes.AvaCsvBoxSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a detector's person boxes come from, as a user names it: a registered person-box source
 * ({@code nanodet}, {@code hog}, ...) with its default settings, or a file of boxes by its path: an
 * AVA-format CSV (proposals or detections) or {@code detect}'s keyframe JSON lines, or the people of a
 * ground-truth CSV by {@code gt:FILE} (oracle boxes, for training and evaluation).
 */
public final class PersonBoxSources {

    /** The prefix that asks for the people of a ground-truth CSV: {@code gt:data/ava/val.csv}. */
    public static final String GROUND_TRUTH = "gt:";

    private PersonBoxSources() {
    }

    /** A source's boxes scoring at least {@code minScore}. */
    private record AtLeast(PersonBoxSource source, double minScore) implements PersonBoxSource {

        @Override
        public List<PersonBox> boxes(Keyframe keyframe) {
            return source.boxes(keyframe).stream().filter(box -> box.score() >= minScore).toList();
        }

        @Override
        public void close() {
            source.close();
        }
    }

    /**
     * @param minScore boxes scoring below this are dropped, whatever the source
     * @throws IllegalArgumentException naming the sources there are when {@code name} is neither a
     *                                  registered source nor an existing file
     * @throws IOException naming the file and row when a box file cannot be read
     */
    public static PersonBoxSource open(PluginRegistry registry, String name, double minScore) throws IOException {
        List<String> registered = registry.names(ComponentKind.PERSON_BOX_SOURCE);
        if (registered.contains(name)) {
            PersonBoxSource source = ComponentSpec.defaults(registry.find(ComponentKind.PERSON_BOX_SOURCE, name))
                    .create(PersonBoxSource.class);
            return minScore <= 0 ? source : new AtLeast(source, minScore);
        }
        if (name.startsWith(GROUND_TRUTH)) {
            Path truth = Path.of(name.substring(GROUND_TRUTH.length()));
            if (!Files.isRegularFile(truth)) {
                throw new IllegalArgumentException("no such ground-truth file: " + truth.toAbsolutePath());
            }
            return AvaCsvBoxSource.groundTruth(truth);
        }
        Path file = Path.of(name);
        if (Files.isRegularFile(file)) {
            return AvaCsvBoxSource.read(file, minScore);
        }
        throw new IllegalArgumentException("no person-box source '" + name + "': name a registered one ("
                + String.join(", ", registered) + ") a box file (AVA CSV, keyframe JSON lines) that exists, or gt:FILE for a ground truth's people"
                + (Files.exists(file) ? "" : " (no such file: " + file.toAbsolutePath() + ")"));
    }
}
