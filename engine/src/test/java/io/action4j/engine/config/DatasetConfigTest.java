package io.action4j.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.ConfigValueException;
import org.junit.jupiter.api.Test;

/** A dataset's keys that belong to one format are refused in another, naming the key. */
class DatasetConfigTest {

    @Test
    void rawVideosForFeaturesBelongToTheActivityNetFormat() {
        DatasetConfig raw = new DatasetConfig("train.json", "features", "activitynet", null, null, null, null, null, null,
                null, null, "videos", "r3d.safetensors");
        assertThat(raw.extractsFeatures()).isTrue();

        assertThatThrownBy(() -> new DatasetConfig("list.txt", "videos", "videos", null, null, null, null, null, null,
                null, null, "videos", null))
                .isInstanceOf(ConfigValueException.class).hasMessageContaining("videoPrefix")
                .hasMessageContaining("applies to dataset format: activitynet only");
        assertThatThrownBy(() -> new DatasetConfig("train.json", "features", "activitynet", null, null, null, null, null,
                null, null, null, null, "r3d.safetensors"))
                .isInstanceOf(ConfigValueException.class).hasMessageContaining("featureCheckpoint")
                .hasMessageContaining("there is no videoPrefix");
    }
}
