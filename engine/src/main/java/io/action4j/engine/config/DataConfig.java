package io.action4j.engine.config;

import static io.action4j.api.ComponentKind.CLIP_SAMPLER;
import static io.action4j.api.ComponentKind.TRANSFORM;
import static io.action4j.api.ComponentKind.VIDEO_READER;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.action4j.api.ConfigChecks;
import io.action4j.api.transform.FormatShapeConfig;
import io.action4j.registry.config.ComponentOf;
import io.action4j.registry.config.ComponentSpec;
import java.util.List;

/**
 * From a video to the tensor a model takes: MMAction2's pipeline (SampleFrames, decode,
 * transforms, FormatShape), split into its parts.
 *
 * @param reader the video reader; absent: chosen by path (folders are rawframes, files ffmpeg)
 * @param sampler which frames form the clips; required
 * @param pipeline transforms applied in order (resize, crops, flip, normalize, ...); may be empty
 * @param format the tensor layout, NCTHW by default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataConfig(
        @ComponentOf(VIDEO_READER) ComponentSpec reader,
        @ComponentOf(CLIP_SAMPLER) ComponentSpec sampler,
        @ComponentOf(TRANSFORM) List<ComponentSpec> pipeline,
        FormatShapeConfig format) {

    public DataConfig {
        ConfigChecks.required("sampler", sampler);
        pipeline = pipeline == null ? List.of() : List.copyOf(pipeline);
        format = format == null ? FormatShapeConfig.DEFAULTS : format;
    }
}
