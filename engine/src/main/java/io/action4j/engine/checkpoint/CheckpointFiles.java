package io.action4j.engine.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a checkpoint whatever its format, told apart by content rather than by file extension. */
public final class CheckpointFiles {

    private CheckpointFiles() {
    }

    /** A safetensors file (its header length then {@code '{'}) or else a PyTorch checkpoint. */
    public static StateDict read(Path file) {
        return looksLikeSafetensors(file) ? Safetensors.read(file) : TorchCheckpoints.read(file);
    }

    private static boolean looksLikeSafetensors(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(9);
            return head.length == 9 && head[8] == '{' && head[6] == 0 && head[7] == 0;
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read: " + e, e);
        }
    }
}
