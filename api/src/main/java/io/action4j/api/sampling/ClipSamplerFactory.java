package io.action4j.api.sampling;

import io.action4j.api.ComponentFactory;

/** A {@link io.action4j.api.ComponentKind#CLIP_SAMPLER}. */
public interface ClipSamplerFactory<C extends Record> extends ComponentFactory<C, ClipSampler> {
}
