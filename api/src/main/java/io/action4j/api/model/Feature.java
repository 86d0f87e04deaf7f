package io.action4j.api.model;

import org.nd4j.autodiff.samediff.SDVariable;

/** A graph variable together with the shape its builder declares for it. */
public record Feature(SDVariable variable, TensorShape shape) {
}
