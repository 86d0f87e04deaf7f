package io.action4j.api.flow;

import io.action4j.api.ComponentFactory;

/** A {@link io.action4j.api.ComponentKind#FLOW_ESTIMATOR}. */
public interface FlowEstimatorFactory<C extends Record> extends ComponentFactory<C, FlowEstimator> {
}
