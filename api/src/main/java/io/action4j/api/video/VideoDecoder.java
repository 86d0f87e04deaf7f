package io.action4j.api.video;

import java.nio.file.Path;

/** Opens videos of the formats a {@link VideoReaderFactory} supports (files, rawframe folders, ...). */
@FunctionalInterface
public interface VideoDecoder {

    VideoReader open(Path path) throws VideoException;
}
