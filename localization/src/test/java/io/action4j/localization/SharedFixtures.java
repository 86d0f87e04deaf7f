package io.action4j.localization;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code shared/fixtures/mmaction2} (MMAction2's test data) above the working directory. */
public final class SharedFixtures {

    private static final Path RELATIVE = Path.of("shared", "fixtures", "mmaction2");

    private SharedFixtures() {
    }

    /** The fixtures folder; skips the calling test if no ancestor of the working directory has one. */
    public static Path mmaction2() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "no " + RELATIVE + " folder in " + start + " or any folder above it");
        throw new AssertionError("unreachable");
    }
}
