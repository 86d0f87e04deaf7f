package io.action4j.spatiotemporal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** MMAction2's test data, found by walking up from the working directory to a {@code shared/} folder. */
final class Fixtures {

    private static final Path RELATIVE = Path.of("shared", "fixtures", "mmaction2", "tests", "data");

    private Fixtures() {
    }

    /** The fixture file, or the test is skipped with a message naming what is missing. */
    static Path file(String first, String... more) {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path data = dir.resolve(RELATIVE);
            if (Files.isDirectory(data)) {
                Path file = data.resolve(Path.of(first, more));
                assumeTrue(Files.isRegularFile(file), "missing MMAction2 fixture " + file);
                return file;
            }
        }
        assumeTrue(false, "no " + RELATIVE + " in " + start + " or any folder above it");
        throw new AssertionError("unreachable");
    }
}
