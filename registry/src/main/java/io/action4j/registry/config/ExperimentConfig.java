package io.action4j.registry.config;

import io.action4j.api.ConfigChecks;

/**
 * The top of a config file. Later sections (data pipelines, training, testing) join here.
 *
 * @param model what to build; required
 */
public record ExperimentConfig(ModelConfig model) {

    public ExperimentConfig {
        ConfigChecks.required("model", model);
    }
}
