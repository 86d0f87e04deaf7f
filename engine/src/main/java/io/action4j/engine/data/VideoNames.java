package io.action4j.engine.data;

import java.nio.file.Path;

/** How annotation files (ActivityNet's, AVA's) name a video: by its file name without the extension. */
public final class VideoNames {

    private VideoNames() {
    }

    /** {@code v_abc.mp4} is {@code v_abc}; a name without an extension, or only one ({@code .mp4}), stays as it is. */
    public static String stem(Path video) {
        String name = video.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
