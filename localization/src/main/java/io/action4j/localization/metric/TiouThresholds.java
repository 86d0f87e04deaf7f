package io.action4j.localization.metric;

import java.util.ArrayList;
import java.util.List;

/**
 * tIoU threshold lists as MMAction2 makes them: {@code numpy.linspace}, whose values are not the
 * decimals they print as (the ninth of {@code linspace(0.5, 0.95, 10)} is 0.8999999999999999), and
 * which decide whether a tIoU that falls on a threshold passes it.
 */
public final class TiouThresholds {

    private TiouThresholds() {
    }

    /** ActivityNet's {@code linspace(0.5, 0.95, 10)}. */
    public static List<Double> activityNet() {
        return linspace(0.5, 0.95, 10);
    }

    /** THUMOS'14's {@code linspace(0.3, 0.7, 5)}. */
    public static List<Double> thumos() {
        return linspace(0.3, 0.7, 5);
    }

    /** numpy's {@code linspace}: {@code start + i * step}, with the last value set to {@code stop} exactly. */
    public static List<Double> linspace(double start, double stop, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("linspace needs at least one value, got " + count);
        }
        if (count == 1) {
            return List.of(start);
        }
        double step = (stop - start) / (count - 1);
        List<Double> values = new ArrayList<>(count);
        for (int i = 0; i < count - 1; i++) {
            values.add(i * step + start);
        }
        values.add(stop);
        return List.copyOf(values);
    }

    /**
     * Reads {@code start:step:stop} (both ends included, the values as {@code linspace} computes
     * them) or a comma-separated list of exact values.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static List<Double> parse(String text) {
        String trimmed = text.strip();
        List<Double> values = trimmed.contains(":") ? range(trimmed) : list(trimmed);
        for (double value : values) {
            if (!(value > 0.0 && value <= 1.0)) {
                throw new IllegalArgumentException("tIoU thresholds '" + text + "': " + value + " is not in (0, 1]");
            }
        }
        return values;
    }

    private static List<Double> range(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("tIoU thresholds '" + text + "': a range is start:step:stop, "
                    + "e.g. 0.5:0.05:0.95");
        }
        double start = number(text, parts[0]);
        double step = number(text, parts[1]);
        double stop = number(text, parts[2]);
        if (!(step > 0) || stop < start) {
            throw new IllegalArgumentException("tIoU thresholds '" + text + "': the step must be positive and "
                    + "stop at least start");
        }
        double steps = (stop - start) / step;
        long rounded = Math.round(steps);
        if (Math.abs(steps - rounded) > 1e-6) {
            throw new IllegalArgumentException("tIoU thresholds '" + text + "': the step " + parts[1].strip()
                    + " does not divide " + parts[0].strip() + ".." + parts[2].strip() + " evenly");
        }
        return linspace(start, stop, (int) rounded + 1);
    }

    private static List<Double> list(String text) {
        List<Double> values = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            values.add(number(text, part));
        }
        return List.copyOf(values);
    }

    private static double number(String text, String part) {
        try {
            return Double.parseDouble(part.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tIoU thresholds '" + text + "': '" + part.strip()
                    + "' is not a number", e);
        }
    }
}
