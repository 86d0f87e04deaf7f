package io.action4j.api.video;

import io.action4j.api.ComponentFactory;

/** A {@link io.action4j.api.ComponentKind#VIDEO_READER}: a configured way to open videos. */
public interface VideoReaderFactory<C extends Record> extends ComponentFactory<C, VideoDecoder> {
}
