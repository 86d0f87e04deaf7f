package io.action4j.launcher;

import java.util.Arrays;

/** Summaries of repeated timings, in nanoseconds. */
final class Timings {

    private Timings() {
    }

    /** The middle value (the upper one of the two middles for an even count). */
    static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
