package io.action4j.localization.features;

import io.action4j.api.io.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
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

    private FeatureCsv() {
    }

    /**
     * @throws FeatureFormatException naming the file and line of a row with the wrong number of
     *         columns, a value that is not a finite number, or a file without rows
     */
    public static FeatureSequence read(Path file) throws IOException {
        BufferedReader reader;
        try {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new FeatureFormatException(file, "no such file", e);
        }
        try (reader) {
            String header = reader.readLine();
            if (header == null || header.isBlank()) {
                throw new FeatureFormatException(file, 1, "empty: expected a header f0,f1,... and one row per time step");
            }
            int channels = header.split(",", -1).length;
            FloatList values = new FloatList(channels * 128);
            int steps = 0;
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != channels) {
                    throw new FeatureFormatException(file, lineNumber, fields.length + " columns, the header has "
                            + channels);
                }
                for (int c = 0; c < channels; c++) {
                    values.add(number(file, lineNumber, c, fields[c]));
                }
                steps++;
            }
            if (steps == 0) {
                throw new FeatureFormatException(file, 2, "no feature rows after the header");
            }
            return FeatureSequence.of(steps, channels, values.toArray());
        }
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

    /** A growable float array, so that a long CSV is not boxed value by value. */
    private static final class FloatList {
        private float[] values;
        private int size;

        FloatList(int capacity) {
            values = new float[Math.max(16, capacity)];
        }

        void add(float value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, Math.multiplyExact(values.length, 2));
            }
            values[size++] = value;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
