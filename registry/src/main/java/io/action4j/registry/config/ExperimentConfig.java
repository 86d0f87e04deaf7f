package io.action4j.registry.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.action4j.api.ConfigValueException;

/**
 * The top of a config file. Later sections (training, testing) join here.
 *
 * @param model what to build
 * @param data how a video becomes the model's input
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentConfig(ModelConfig model, DataConfig data) {

    public ExperimentConfig {
        if (model == null && data == null) {
            throw new ConfigValueException("model", "is required (or a 'data' section, for data-only configs)");
        }
    }
}
