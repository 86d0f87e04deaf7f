package io.action4j.api.metric;

import io.action4j.api.ComponentFactory;

/** A {@link io.action4j.api.ComponentKind#METRIC}. */
public interface MetricFactory<C extends Record> extends ComponentFactory<C, Metric<?>> {
}
