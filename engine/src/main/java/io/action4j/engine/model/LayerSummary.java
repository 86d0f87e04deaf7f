package io.action4j.engine.model;

import io.action4j.api.model.TensorShape;

/**
 * One executed graph op.
 *
 * @param name the op's output, with its scopes ({@code backbone/layer1.0.conv1})
 * @param op ND4J's op name ({@code conv3dnew}, {@code batchnorm}, ...)
 * @param outputShape the shape it produced for the summarised input
 * @param parameters trainable values first used by this op
 * @param macs multiply-accumulates (convolutions and matrix products; other ops count 0)
 */
public record LayerSummary(String name, String op, TensorShape outputShape, long parameters, long macs) {
}
