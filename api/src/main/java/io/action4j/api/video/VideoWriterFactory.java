package io.action4j.api.video;

import io.action4j.api.ComponentFactory;

/** Contributes a {@link VideoEncoder} under a name ({@code ffmpeg}), configured by a record. */
public interface VideoWriterFactory<C extends Record> extends ComponentFactory<C, VideoEncoder> {
}
