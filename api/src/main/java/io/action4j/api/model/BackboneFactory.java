package io.action4j.api.model;

import io.action4j.api.ComponentFactory;

/** A {@link io.action4j.api.ComponentKind#BACKBONE}. */
public interface BackboneFactory<C extends Record> extends ComponentFactory<C, Backbone> {
}
