package io.action4j.synth;

import java.util.Locale;

/** The dataset's splits, each written to its own annotation list ({@code train.txt}, ...). */
public enum Split {
    TRAIN, VAL, TEST;

    /** {@code train}, {@code val} or {@code test}: the list's base name and part of each video's name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String listFileName() {
        return id() + ".txt";
    }
}
