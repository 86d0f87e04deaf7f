package io.action4j.spatiotemporal.ava;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/** Shared plumbing of the AVA readers: opening a file and parsing cells with file:line messages. */
final class AvaFiles {

    private AvaFiles() {
    }

    static BufferedReader open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such AVA file");
        }
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    /** Takes one non-blank line of a file, with its 1-based number. */
    @FunctionalInterface
    interface LineHandler {
        void accept(int lineNumber, String line) throws IOException;
    }

    /** Every non-blank line of {@code file}, in order, with its number (blank lines count but are skipped). */
    static void forEachLine(Path file, LineHandler handler) throws IOException {
        try (BufferedReader reader = open(file)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    handler.accept(lineNumber, line);
                }
            }
        }
    }

    /** AVA CSVs are plain: no quoting, cells separated by commas, blanks around cells ignored. */
    static String[] cells(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].strip();
        }
        return cells;
    }

    static double number(Path file, int line, String column, String cell) throws AvaFormatException {
        try {
            double value = Double.parseDouble(cell);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the file and line
        }
        throw new AvaFormatException(file, line, column + " is not a number: '" + cell + "'");
    }

    static int integer(Path file, int line, String column, String cell) throws AvaFormatException {
        try {
            return Integer.parseInt(cell);
        } catch (NumberFormatException e) {
            throw new AvaFormatException(file, line, column + " is not an integer: '" + cell + "'");
        }
    }
}
