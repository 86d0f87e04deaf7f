package io.action4j.localization.run;

import io.action4j.api.io.AtomicFiles;
import io.action4j.api.result.TemporalSegment;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Segments drawn on a time axis, one band per video: the predictions (the best ones, their opacity
 * the score), under the ground truth when there is one. Written as HTML (an inline SVG, labels as
 * tooltips) or PNG, by the file's extension, replaced only once complete.
 */
public final class Timeline {

    /** One video's band. */
    public record Row(String video, double durationSeconds, List<TemporalSegment> predicted,
                      List<TemporalSegment> truth) {

        public Row {
            predicted = List.copyOf(predicted);
            truth = truth == null ? null : List.copyOf(truth);
        }
    }

    private static final int WIDTH = 1000;
    private static final int LEFT = 150;
    private static final int TRACK = 18;
    private static final int GAP = 14;
    /** Predicted segments drawn per video: more only blur the picture. */
    private static final int DRAWN = 20;

    private final List<Row> rows = new ArrayList<>();
    private final List<String> classNames;

    /** @param classNames names of the label indices; null when segments are class-agnostic */
    public Timeline(List<String> classNames) {
        this.classNames = classNames;
    }

    public void add(Row row) {
        rows.add(row);
    }

    /** Writes {@code .html} or {@code .png}, chosen by the file's extension. */
    public void write(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            AtomicFiles.writeString(file, html());
        } else if (name.endsWith(".png")) {
            BufferedImage image = png();
            AtomicFiles.write(file, temporary -> ImageIO.write(image, "png", temporary.toFile()));
        } else {
            throw new IllegalArgumentException(file + ": a timeline is written as .html or .png");
        }
    }

    private int height() {
        int height = 30;
        for (Row row : rows) {
            height += (row.truth() == null ? 1 : 2) * TRACK + GAP + 16;
        }
        return height;
    }

    private static double x(double seconds, double duration) {
        return LEFT + (WIDTH - LEFT - 10) * Math.max(0, Math.min(1, seconds / Math.max(duration, 1e-9)));
    }

    private List<TemporalSegment> drawn(Row row) {
        return row.predicted().subList(0, Math.min(DRAWN, row.predicted().size()));
    }

    private double maxScore(Row row) {
        return drawn(row).stream().mapToDouble(TemporalSegment::score).max().orElse(1);
    }

    private String label(TemporalSegment segment) {
        if (segment.label() < 0) {
            return "";
        }
        return classNames != null && segment.label() < classNames.size() ? classNames.get(segment.label())
                : "class " + segment.label();
    }

    String html() {
        StringBuilder svg = new StringBuilder();
        int y = 20;
        for (Row row : rows) {
            svg.append(String.format(Locale.ROOT, "<text x='4' y='%d' class='video'>%s (%.1f s)</text>%n", y + 12,
                    escape(row.video()), row.durationSeconds()));
            y += 16;
            if (row.truth() != null) {
                svg.append(String.format(Locale.ROOT, "<text x='4' y='%d'>ground truth</text>%n", y + 13));
                for (TemporalSegment segment : row.truth()) {
                    svg.append(rect(segment, row.durationSeconds(), y, "#2e7d32", 1.0));
                }
                y += TRACK;
            }
            svg.append(String.format(Locale.ROOT, "<text x='4' y='%d'>predicted (best %d)</text>%n", y + 13,
                    drawn(row).size()));
            double max = maxScore(row);
            for (TemporalSegment segment : drawn(row)) {
                svg.append(rect(segment, row.durationSeconds(), y, "#1565c0", 0.15 + 0.85 * segment.score() / max));
            }
            y += TRACK + GAP;
        }
        return "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>action4j timeline</title>\n"
                + "<style>body{font-family:sans-serif}text{font-size:12px}.video{font-weight:bold}</style></head>\n"
                + "<body><svg xmlns='http://www.w3.org/2000/svg' width='" + WIDTH + "' height='" + height() + "'>\n"
                + svg + "</svg>\n<p>Opacity: the segment's score relative to the best one drawn. Hover for times.</p>"
                + "</body></html>\n";
    }

    private String rect(TemporalSegment segment, double duration, int y, String colour, double opacity) {
        double from = x(segment.startSeconds(), duration);
        double to = Math.max(from + 1, x(segment.endSeconds(), duration));
        String text = String.format(Locale.ROOT, "%.2f s - %.2f s, score %.4f %s", segment.startSeconds(),
                segment.endSeconds(), segment.score(), label(segment)).strip();
        return String.format(Locale.ROOT, "<rect x='%.1f' y='%d' width='%.1f' height='%d' fill='%s' "
                + "fill-opacity='%.2f'><title>%s</title></rect>%n", from, y + 2, to - from, TRACK - 4, colour, opacity,
                escape(text));
    }

    BufferedImage png() {
        BufferedImage image = new BufferedImage(WIDTH, height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            int y = 20;
            for (Row row : rows) {
                g.setColor(Color.BLACK);
                g.drawString(String.format(Locale.ROOT, "%s (%.1f s)", row.video(), row.durationSeconds()), 4, y + 12);
                y += 16;
                if (row.truth() != null) {
                    g.setColor(Color.BLACK);
                    g.drawString("ground truth", 4, y + 13);
                    for (TemporalSegment segment : row.truth()) {
                        fill(g, segment, row.durationSeconds(), y, new Color(0x2e, 0x7d, 0x32), 1f);
                    }
                    y += TRACK;
                }
                g.setColor(Color.BLACK);
                g.drawString("predicted", 4, y + 13);
                double max = maxScore(row);
                for (TemporalSegment segment : drawn(row)) {
                    fill(g, segment, row.durationSeconds(), y, new Color(0x15, 0x65, 0xc0),
                            (float) (0.15 + 0.85 * segment.score() / max));
                }
                g.setColor(Color.GRAY);
                g.setStroke(new BasicStroke(1));
                g.drawLine(LEFT, y + TRACK, WIDTH - 10, y + TRACK);
                y += TRACK + GAP;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void fill(Graphics2D g, TemporalSegment segment, double duration, int y, Color colour, float opacity) {
        double from = x(segment.startSeconds(), duration);
        double to = Math.max(from + 1, x(segment.endSeconds(), duration));
        g.setColor(new Color(colour.getRed() / 255f, colour.getGreen() / 255f, colour.getBlue() / 255f,
                Math.max(0f, Math.min(1f, opacity))));
        g.fillRect((int) Math.round(from), y + 2, (int) Math.max(1, Math.round(to - from)), TRACK - 4);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
