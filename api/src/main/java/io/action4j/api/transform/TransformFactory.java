package io.action4j.api.transform;

import io.action4j.api.ComponentFactory;

/** A {@link io.action4j.api.ComponentKind#TRANSFORM}. */
public interface TransformFactory<C extends Record> extends ComponentFactory<C, Transform> {
}
