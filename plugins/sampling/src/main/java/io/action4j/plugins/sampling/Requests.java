package io.action4j.plugins.sampling;

import io.action4j.api.sampling.SamplingRequest;

/** Preconditions every sampler shares. */
final class Requests {

    private Requests() {
    }

    /** MMAction2 divides or takes a modulo by the frame count; an empty video has no clip to give. */
    static int requireFrames(SamplingRequest request, String sampler) {
        if (request.totalFrames() <= 0) {
            throw new IllegalArgumentException(sampler + ": the video has no frames");
        }
        return request.totalFrames();
    }
}
