package io.action4j.plugins.tfjs.nanodet;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** NanoDet-m's downloaded files, for the tests that need the real model: they skip, saying why, without it. */
final class NanoDetModel {

    private NanoDetModel() {
    }

    static Path folderOrSkip() {
        Path folder = NanoDetModelFiles.defaultFolder();
        assumeTrue(Files.isRegularFile(folder.resolve(NanoDetModelFiles.MODEL_JSON))
                        && Files.isRegularFile(folder.resolve(NanoDetModelFiles.WEIGHTS)),
                "NanoDet-m is not in " + folder + ": fetch it with " + NanoDetModelFiles.FETCH_COMMAND);
        return folder;
    }
}
