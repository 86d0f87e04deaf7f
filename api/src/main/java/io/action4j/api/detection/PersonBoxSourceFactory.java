package io.action4j.api.detection;

import io.action4j.api.ComponentFactory;

/** A {@link io.action4j.api.ComponentKind#PERSON_BOX_SOURCE}. */
public interface PersonBoxSourceFactory<C extends Record> extends ComponentFactory<C, PersonBoxSource> {
}
