package io.action4j.launcher;

import io.action4j.api.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Output files named on the command line, checked before a command does any work (see {@link AtomicFiles}). */
final class Outputs {

    private Outputs() {
    }

    /** Refuses, with the reason, the first output that could not be written; null entries are options not given. */
    static void check(Path... targets) throws IOException {
        for (Path target : targets) {
            if (target != null) {
                AtomicFiles.checkTarget(target);
            }
        }
    }
}
