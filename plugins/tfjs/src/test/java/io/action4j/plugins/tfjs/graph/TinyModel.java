package io.action4j.plugins.tfjs.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The tiny fixture model ({@code src/test/resources/tiny}, written by {@code make_tiny_graph.mjs}). */
final class TinyModel {

    private TinyModel() {
    }

    static Path folder() {
        try {
            return Path.of(TinyModel.class.getResource("/tiny/model.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the fixture in {@code target}, for a test to damage. */
    static Path copyTo(Path target) {
        try (Stream<Path> files = Files.list(folder())) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
            return target.resolve("model.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
