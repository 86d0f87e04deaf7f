package io.action4j.launcher;

import io.action4j.engine.stream.DecodeProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars ({@code me.tongfei:progressbar}) on a command's error stream, for long work. A bar
 * redraws its one line in place; results printed meanwhile go through {@link #print} so that they
 * do not end up in the middle of that line. Drawn only where someone watches (see {@link #wanted}).
 */
final class ProgressBars {

    /** Whether to draw at all: never with --quiet; always with --progress; otherwise when stderr is a terminal. */
    static boolean wanted(boolean quiet, boolean asked) {
        return !quiet && (asked || stderrIsTerminal());
    }

    private final PrintWriter err;
    private final boolean enabled;
    private final int width;
    private final Object lock = new Object();
    /** Characters of the bar now on screen: a line printed above it first clears them. */
    private int shown;

    ProgressBars(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
        this.width = terminalWidth(System.getenv("COLUMNS"));
    }

    /** A bar over {@code total} items (videos); a no-op bar when progress is off. */
    Bar items(String task, long total, String unit) {
        return enabled ? new Bar(build(task, total, unit)) : Bar.NONE;
    }

    /** A bar over a video's frames; its total comes from the video's metadata with the first frame. */
    FrameBar frames(String task) {
        return new FrameBar(task);
    }

    /** Prints one line of results above the bar (the bar redraws itself at its next update). */
    void print(PrintWriter out, String line) {
        synchronized (lock) {
            clearLine();
            out.println(line);
            out.flush();
        }
    }

    private ProgressBar build(String task, long total, String unit) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setConsumer(new LineConsumer())
                .build();
    }

    private void clearLine() {
        if (shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }

    /** A bar that can step and close; {@link #NONE} does nothing. */
    static class Bar implements AutoCloseable {

        static final Bar NONE = new Bar(null);

        private final ProgressBar bar;

        Bar(ProgressBar bar) {
            this.bar = bar;
        }

        void step() {
            if (bar != null) {
                bar.step();
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /**
     * Frames decoded of the count the metadata announced: built at the first frame, its total raised
     * if the stream runs past an estimate and lowered to what was decoded if it ends early.
     */
    final class FrameBar implements DecodeProgress, AutoCloseable {

        private final String task;
        private ProgressBar bar;
        private int decoded;

        private FrameBar(String task) {
            this.task = task;
        }

        @Override
        public void framesDecoded(int decoded, int expected) {
            this.decoded = decoded;
            if (!enabled) {
                return;
            }
            if (bar == null) {
                bar = build(task, expected, "frames");
            }
            if (decoded > bar.getMax()) {
                bar.maxHint(decoded);
            }
            bar.stepTo(decoded);
        }

        @Override
        public void close() {
            if (bar != null) {
                if (decoded < bar.getMax()) {
                    bar.maxHint(decoded);
                }
                bar.close();
            }
        }
    }

    /** Draws the bar in place on the error stream: carriage return, the bar, padding over a longer previous one. */
    private final class LineConsumer implements ProgressBarConsumer {

        @Override
        public int getMaxRenderedLength() {
            return width;
        }

        @Override
        public void accept(String rendered) {
            synchronized (lock) {
                String line = rendered.length() > width ? rendered.substring(0, width) : rendered;
                err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
                err.flush();
                shown = line.length();
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                if (shown > 0) {
                    err.println();
                    err.flush();
                    shown = 0;
                }
            }
        }
    }

    /** Whether file descriptor 2 is a terminal (Linux: /proc names the device it points to). */
    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** One less than the terminal's columns (a full-width line would wrap); 80 columns when unknown. */
    private static int terminalWidth(String columns) {
        try {
            return columns == null ? 79 : Math.max(40, Integer.parseInt(columns.strip()) - 1);
        } catch (NumberFormatException e) {
            return 79;
        }
    }
}
