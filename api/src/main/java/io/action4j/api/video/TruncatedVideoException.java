package io.action4j.api.video;

import java.nio.file.Path;

/** A video whose frames stop before its container says they should; the frames before the cut decoded. */
public class TruncatedVideoException extends VideoException {

    private final int framesRead;

    public TruncatedVideoException(Path path, int framesRead, int framesExpected) {
        super(path, "truncated: decoding stopped after " + framesRead + " of " + framesExpected + " frames");
        this.framesRead = framesRead;
    }

    /** How many frames decoded before the cut. */
    public int framesRead() {
        return framesRead;
    }
}
