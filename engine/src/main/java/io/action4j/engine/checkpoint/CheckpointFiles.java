package io.action4j.engine.checkpoint;

import io.action4j.api.io.FileMessages;
import io.action4j.engine.model.TensorBudget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a checkpoint whatever its format, told apart by content rather than by file extension. */
public final class CheckpointFiles {

    private CheckpointFiles() {
    }

    /**
     * A safetensors file (its header length then {@code '{'}) or else a PyTorch checkpoint; a file named
     * {@code .safetensors} that is neither is read as safetensors, so that its error says what is wrong with
     * it as one (too short, a header length beyond the file) rather than that it is no PyTorch checkpoint.
     */
    public static StateDict read(Path file) {
        checkFits(file, TensorBudget.ofThisMachine());
        boolean named = file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".safetensors");
        return looksLikeSafetensors(file) || named && !looksLikeZip(file) ? Safetensors.read(file)
                : TorchCheckpoints.read(file);
    }

    /**
     * A checkpoint's tensors are all held once read, at least its size in bytes (PyTorch stores its tensors
     * uncompressed, safetensors as they are): refused before reading when that exceeds {@code budget}. The
     * readers check every header against the file's size, so this also bounds what a header may claim.
     */
    static void checkFits(Path file, TensorBudget budget) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new CheckpointException(FileMessages.about(file, e).getMessage(), e);
        }
        try {
            budget.checkBytes(file + ": a checkpoint of " + size + " bytes, whose tensors are all held once read", size,
                    "load it on a machine with more memory");
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(e.getMessage(), e);
        }
    }

    /** PyTorch's checkpoints are zip archives: they start with {@code PK}. */
    private static boolean looksLikeZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == 'P' && head[1] == 'K';
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read: " + e, e);
        }
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
