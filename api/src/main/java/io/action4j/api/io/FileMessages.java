package io.action4j.api.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Map;

/**
 * File-system errors in words a user can act on. Java's own messages are often the bare path
 * ({@code NoSuchFileException: /proc/x.json}) or the reason without the path ({@code No space left on
 * device}); these say both, with no exception class names.
 */
public final class FileMessages {

    /** Java's file-system exceptions whose reason is their type, in words. */
    private static final Map<Class<? extends FileSystemException>, String> REASONS = Map.of(
            NoSuchFileException.class, "no such file or folder",
            AccessDeniedException.class, "permission denied",
            FileAlreadyExistsException.class, "already exists",
            NotDirectoryException.class, "not a folder",
            DirectoryNotEmptyException.class, "folder not empty",
            FileSystemLoopException.class, "symbolic links loop");

    private FileMessages() {
    }

    /** "FILE: reason" for a file-system error; any other I/O error keeps its own message. */
    public static String describe(IOException error) {
        if (!(error instanceof FileSystemException problem)) {
            return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        }
        String file = problem.getFile();
        String reason = reason(problem);
        if (file == null) {
            return reason;
        }
        if (problem.getOtherFile() != null) {
            file = file + " -> " + problem.getOtherFile();
        }
        return file + ": " + reason;
    }

    /**
     * {@code error} rethrown about {@code target}: a write that failed inside a temporary file is
     * reported against the file the user named, with the reason (a full disk, a size limit).
     */
    public static IOException about(Path target, IOException error) {
        String own = error instanceof FileSystemException problem ? reason(problem) : describe(error);
        if (own.startsWith(target.toString())) {
            return error;
        }
        // A format's writer (ImageIO's "I/O error writing PNG file!") wraps the system's reason: say that one.
        IOException cause = deepestIOException(error);
        String reason = cause == error ? own
                : cause instanceof FileSystemException problem ? reason(problem) : describe(cause);
        return new IOException(target + ": cannot write (" + lowerFirst(reason) + ")", error);
    }

    /** The innermost I/O error that {@code error} wraps (itself when it wraps none). */
    private static IOException deepestIOException(IOException error) {
        IOException deepest = error;
        Throwable cause = error.getCause();
        for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
            if (cause instanceof IOException io && io.getMessage() != null) {
                deepest = io;
            }
        }
        return deepest;
    }

    private static String reason(FileSystemException problem) {
        for (Map.Entry<Class<? extends FileSystemException>, String> known : REASONS.entrySet()) {
            if (known.getKey().isInstance(problem)) {
                return known.getValue();
            }
        }
        String reason = problem.getReason();
        return reason == null ? "input/output error" : lowerFirst(reason);
    }

    /** "File too large" becomes "file too large"; an abbreviation ("I/O error", "EOF") stays as it is. */
    private static String lowerFirst(String text) {
        if (text.isEmpty() || text.length() > 1 && !Character.isLowerCase(text.charAt(1))) {
            return text;
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
