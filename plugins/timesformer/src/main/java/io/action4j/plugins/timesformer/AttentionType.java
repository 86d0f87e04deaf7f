package io.action4j.plugins.timesformer;

import java.util.Arrays;
import java.util.List;

/** MMAction2's {@code attention_type}: how a transformer layer lets patch tokens see each other. */
enum AttentionType {
    /** Attention over time (same patch, every frame), then over space (same frame), then the FFN. */
    DIVIDED_SPACE_TIME("divided_space_time"),
    /** Each frame on its own (a ViT per frame); the frames' cls tokens are averaged at the end. */
    SPACE_ONLY("space_only"),
    /** One attention over every patch of every frame. */
    JOINT_SPACE_TIME("joint_space_time");

    static final List<String> CONFIG_VALUES = Arrays.stream(values()).map(type -> type.configValue).toList();

    private final String configValue;

    AttentionType(String configValue) {
        this.configValue = configValue;
    }

    String configValue() {
        return configValue;
    }

    /** Whether the model has {@code time_embed} (every type that mixes frames). */
    boolean embedsTime() {
        return this != SPACE_ONLY;
    }

    static AttentionType fromConfig(String value) {
        for (AttentionType type : values()) {
            if (type.configValue.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown attention type " + value + "; expected one of " + CONFIG_VALUES);
    }
}
