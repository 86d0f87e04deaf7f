package io.action4j.localization.features;

import io.action4j.api.io.AtomicFiles;
import io.action4j.engine.model.TensorBudget;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * MMAction2's snippet-feature CSV: a header {@code f0,f1,...,f(C-1)}, then one row of C numbers per
 * time step ({@code LoadLocalizationFeature} reads it with {@code np.loadtxt(skiprows=1)}). Rows are
 * written with each float's shortest exact decimal, so a file read back gives the same floats.
 */
public final class FeatureCsv {

    /** A value longer than this is not a number ({@code numpy.savetxt}'s {@code %.18e} writes 24 characters). */
    static final int MAX_VALUE_CHARS = 100;
    /** The most values a Java array holds. */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final String ADVICE = "a video's features are read whole: resample them to fewer rows";

    private FeatureCsv() {
    }

    /**
     * Reads a feature CSV within what this machine and the Java heap can hold ({@link TensorBudget}).
     *
     * @throws FeatureFormatException naming the file and line of a row with the wrong number of
     *         columns, a value that is not a finite number, or a file without rows; or naming the file, the
     *         shape and the bytes when its header claims, or its rows hold, more values than fit
     */
    public static FeatureSequence read(Path file) throws IOException {
        return read(file, TensorBudget.ofThisMachine().withinJavaHeap());
    }

    /**
     * {@link #read(Path)} within {@code budget}: the header's column count (one row's values) is checked before
     * any row is read, and the rows held before each new one; the file is read a character at a time, so no line,
     * however long, is held whole.
     */
    public static FeatureSequence read(Path file, TensorBudget budget) throws IOException {
        Reader reader;
        try {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new FeatureFormatException(file, "no such file", e);
        }
        try (Chars in = new Chars(reader)) {
            return read(file, in, budget);
        } catch (CharacterCodingException e) {
            throw new FeatureFormatException(file, "not UTF-8 text", e);
        }
    }

    private static FeatureSequence read(Path file, Chars in, TensorBudget budget) throws IOException {
        long maxValues = Math.min(MAX_ARRAY, budget.limitBytes() / Float.BYTES);
        int channels = header(file, in, budget, maxValues);
        FloatList values = new FloatList((int) Math.min((long) channels * 128, maxValues), maxValues);
        StringBuilder field = new StringBuilder();
        int steps = 0;
        int line = 1;
        for (int c = in.read(); c >= 0; c = in.read()) {
            line++;
            int column = 0;
            field.setLength(0);
            while (true) {
                boolean endOfLine = c < 0 || c == '\n';
                if (!endOfLine && c != ',') {
                    if (field.length() == MAX_VALUE_CHARS) {
                        throw new FeatureFormatException(file, line, "column f" + column + ": a value of more than "
                                + MAX_VALUE_CHARS + " characters is not a number");
                    }
                    field.append((char) c);
                    c = in.read();
                    continue;
                }
                if (endOfLine && column == 0 && field.toString().isBlank()) {
                    break;
                }
                if (column == 0) {
                    checkRowsFit(file, line, steps + 1, channels, budget, maxValues);
                }
                if (column == channels) {
                    long columns = endOfLine ? column + 1 : column + 2 + in.skipLine();
                    throw new FeatureFormatException(file, line, columns + " columns, the header has " + channels);
                }
                if (endOfLine && column + 1 != channels) {
                    throw new FeatureFormatException(file, line, (column + 1) + " columns, the header has " + channels);
                }
                values.add(number(file, line, column, field.toString()));
                if (endOfLine) {
                    steps++;
                    break;
                }
                column++;
                field.setLength(0);
                c = in.read();
            }
            if (c < 0) {
                break;
            }
        }
        if (steps == 0) {
            throw new FeatureFormatException(file, 2, "no feature rows after the header");
        }
        return FeatureSequence.of(steps, channels, values.toArray());
    }

    /** Counts the header's columns, without holding the line; refuses a count whose one row would not fit. */
    private static int header(Path file, Chars in, TensorBudget budget, long maxValues) throws IOException {
        long columns = 1;
        boolean text = false;
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c == ',') {
                columns++;
                if (columns > maxValues) {
                    // Stop counting here: a header this long is refused whatever follows.
                    checkRowsFit(file, 1, 1, columns, budget, maxValues);
                }
            } else if (!Character.isWhitespace(c)) {
                text = true;
            }
        }
        if (columns == 1 && !text) {
            throw new FeatureFormatException(file, 1, "empty: expected a header f0,f1,... and one row per time step");
        }
        return (int) columns;
    }

    /** Refuses {@code rows} rows of {@code channels} values when they are more than fit, naming the shape and bytes. */
    private static void checkRowsFit(Path file, int line, long rows, long channels, TensorBudget budget, long maxValues)
            throws FeatureFormatException {
        if (rows * channels <= maxValues) {
            return;
        }
        // The header is not counted to its end once too long: it names at least that many.
        String what = line == 1 ? "the header names at least " + channels + " columns"
                : rows + " rows of " + channels + " values";
        try {
            budget.check(what, new long[] {rows, channels}, Float.BYTES, ADVICE);
        } catch (IllegalArgumentException e) {
            throw new FeatureFormatException(file, line, e.getMessage());
        }
        throw new FeatureFormatException(file, line, what + ": a " + rows + "x" + channels + " tensor is more values "
                + "than a Java array holds (" + MAX_ARRAY + "); " + ADVICE);
    }

    private static float number(Path file, int line, int column, String field) throws FeatureFormatException {
        float value;
        try {
            value = Float.parseFloat(field.strip());
        } catch (NumberFormatException e) {
            throw new FeatureFormatException(file, line, "column f" + column + ": '" + field + "' is not a number");
        }
        if (!Float.isFinite(value)) {
            throw new FeatureFormatException(file, line, "column f" + column + ": " + field + " is not finite");
        }
        return value;
    }

    /** Writes {@code features} in MMAction2's layout; an existing file is replaced only once the new one is complete. */
    public static void write(Path file, FeatureSequence features) throws IOException {
        AtomicFiles.write(file, content(features));
    }

    /** What {@link #write} writes, for an {@link AtomicFiles} write of several files together. */
    static AtomicFiles.Content content(FeatureSequence features) {
        return temporary -> {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                writeRows(writer, features);
            }
        };
    }

    private static void writeRows(Writer writer, FeatureSequence features) throws IOException {
        {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < features.channels(); c++) {
                line.append(c == 0 ? "" : ",").append('f').append(c);
            }
            writer.write(line.append('\n').toString());
            for (int t = 0; t < features.steps(); t++) {
                line.setLength(0);
                for (int c = 0; c < features.channels(); c++) {
                    line.append(c == 0 ? "" : ",").append(features.value(t, c));
                }
                writer.write(line.append('\n').toString());
            }
        }
    }

    /** A growable float array, so that a long CSV is not boxed value by value; it never grows past its limit. */
    private static final class FloatList {
        private final long limit;
        private float[] values;
        private int size;

        FloatList(int capacity, long limit) {
            this.limit = limit;
            values = new float[(int) Math.min(Math.max(16, capacity), limit)];
        }

        void add(float value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, (int) Math.min(limit, 2L * values.length));
            }
            values[size++] = value;
        }

        float[] toArray() {
            return size == values.length ? values : java.util.Arrays.copyOf(values, size);
        }
    }

    /** A reader's characters one at a time, from a buffer. */
    private static final class Chars implements java.io.Closeable {
        private final Reader reader;
        private final char[] buffer = new char[1 << 16];
        private int position;
        private int limit;

        Chars(Reader reader) {
            this.reader = reader;
        }

        /** The next character, or -1 at the end. */
        int read() throws IOException {
            if (position == limit) {
                limit = Math.max(0, reader.read(buffer, 0, buffer.length));
                position = 0;
                if (limit == 0) {
                    return -1;
                }
            }
            return buffer[position++];
        }

        /** Skips to the end of the line; returns the commas it passed. */
        long skipLine() throws IOException {
            long commas = 0;
            for (int c = read(); c >= 0 && c != '\n'; c = read()) {
                if (c == ',') {
                    commas++;
                }
            }
            return commas;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
