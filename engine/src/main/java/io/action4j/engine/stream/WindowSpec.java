package io.action4j.engine.stream;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Windows over a long video as a user states them: a length and a stride, each in frames
 * ({@code 64}) or in seconds ({@code 2s}, {@code 1.5s}). Seconds become frames with the video's own
 * frame rate ({@link #inFrames}), so one spec fits videos of different rates.
 */
public record WindowSpec(Length window, Length stride) {

    public WindowSpec {
        if (window == null || stride == null) {
            throw new IllegalArgumentException("a window spec needs a window and a stride");
        }
    }

    /** {@code --window} and {@code --stride} as typed, e.g. {@code parse("2s", "1s")}. */
    public static WindowSpec parse(String window, String stride) {
        return new WindowSpec(Length.parse("window", window), Length.parse("stride", stride));
    }

    /** Both in frames. */
    public static WindowSpec ofFrames(int window, int stride) {
        return new WindowSpec(new Length(window, Unit.FRAMES), new Length(stride, Unit.FRAMES));
    }

    /** The windows in frames for a video of this rate; seconds are rounded to the nearest frame. */
    public WindowPlan inFrames(double fps) {
        return new WindowPlan(window.toFrames("window", fps), stride.toFrames("stride", fps));
    }

    @Override
    public String toString() {
        return "window " + window + ", stride " + stride;
    }

    public enum Unit { FRAMES, SECONDS }

    /** A positive amount of frames (whole) or seconds. */
    public record Length(double amount, Unit unit) {

        private static final Pattern SYNTAX = Pattern.compile("(\\d+(?:\\.\\d+)?)(s?)");

        public Length {
            if (unit == null || !(amount > 0) || Double.isInfinite(amount)
                    || (unit == Unit.FRAMES && (amount != Math.rint(amount) || amount > Integer.MAX_VALUE))) {
                throw new IllegalArgumentException("a window length must be a positive number of frames or seconds, got "
                        + amount + " " + unit);
            }
        }

        /** {@code 16} (frames) or {@code 2s} / {@code 0.5s} (seconds). */
        static Length parse(String what, String text) {
            Matcher matcher = SYNTAX.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
            if (!matcher.matches()) {
                throw new IllegalArgumentException(what + " '" + text + "': expected frames (e.g. 64) or seconds with an "
                        + "s suffix (e.g. 2s)");
            }
            boolean seconds = !matcher.group(2).isEmpty();
            double amount = Double.parseDouble(matcher.group(1));
            if (!seconds && amount != Math.rint(amount)) {
                throw new IllegalArgumentException(what + " '" + text + "': frames are whole; for seconds add s (e.g. "
                        + text + "s)");
            }
            if (!(amount > 0)) {
                throw new IllegalArgumentException(what + " '" + text + "': must be positive");
            }
            return new Length(amount, seconds ? Unit.SECONDS : Unit.FRAMES);
        }

        int toFrames(String what, double fps) {
            if (unit == Unit.FRAMES) {
                return (int) amount;
            }
            long frames = Math.round(amount * fps);
            if (frames < 1) {
                throw new IllegalArgumentException(what + " " + this + " is less than one frame at " + fps + " fps");
            }
            if (frames > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(what + " " + this + " is too long at " + fps + " fps");
            }
            return (int) frames;
        }

        @Override
        public String toString() {
            String number = amount == Math.rint(amount) ? Long.toString((long) amount) : Double.toString(amount);
            return unit == Unit.SECONDS ? number + "s" : number;
        }
    }
}
