package io.action4j.engine.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.action4j.api.ConfigChecks;

/**
 * MMAction2's {@code train_dataloader} / {@code val_dataloader} / {@code test_dataloader}: a dataset,
 * its pipeline and how samples are batched.
 *
 * @param batchSize samples per batch (MMAction2's {@code batch_size}); default 8
 * @param numWorkers decoding threads, so that the model is not starved; default 2
 * @param dataset the annotation list
 * @param data the pipeline for this split (sampler, transforms, format); absent: the config's
 *     top-level {@code data}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataloaderConfig(Integer batchSize, Integer numWorkers, DatasetConfig dataset, DataConfig data) {

    public DataloaderConfig {
        batchSize = batchSize == null ? 8 : batchSize;
        numWorkers = numWorkers == null ? 2 : numWorkers;
        ConfigChecks.positive("batchSize", batchSize);
        ConfigChecks.positive("numWorkers", numWorkers);
        ConfigChecks.required("dataset", dataset);
    }

    /** This split's pipeline, else the config's top-level one. */
    public DataConfig dataOr(DataConfig fallback) {
        return data != null ? data : fallback;
    }
}
