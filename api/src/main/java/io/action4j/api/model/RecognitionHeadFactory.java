package io.action4j.api.model;

import io.action4j.api.ComponentFactory;

/** A {@link io.action4j.api.ComponentKind#RECOGNITION_HEAD}. */
public interface RecognitionHeadFactory<C extends Record> extends ComponentFactory<C, RecognitionHead> {
}
