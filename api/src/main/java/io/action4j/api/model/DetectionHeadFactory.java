package io.action4j.api.model;

import io.action4j.api.ComponentFactory;

/** A {@link io.action4j.api.ComponentKind#DETECTION_HEAD}. */
public interface DetectionHeadFactory<C extends Record> extends ComponentFactory<C, DetectionHead> {
}
