package io.action4j.api.model;

import io.action4j.api.ComponentFactory;

/** A {@link io.action4j.api.ComponentKind#LOCALIZATION_HEAD}. */
public interface LocalizationHeadFactory<C extends Record> extends ComponentFactory<C, LocalizationHead> {
}
