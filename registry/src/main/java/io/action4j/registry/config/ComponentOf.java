package io.action4j.registry.config;

import io.action4j.api.ComponentKind;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a {@link ComponentSpec} field (or a list of them) with the kind its {@code type} names. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface ComponentOf {
    ComponentKind value();
}
