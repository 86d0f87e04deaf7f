package io.action4j.engine.config;

import static io.action4j.api.ComponentKind.BACKBONE;
import static io.action4j.api.ComponentKind.DETECTION_HEAD;
import static io.action4j.api.ComponentKind.LOCALIZATION_HEAD;
import static io.action4j.api.ComponentKind.RECOGNITION_HEAD;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.action4j.api.ConfigValueException;
import io.action4j.api.model.CheckpointKeyMapping;
import io.action4j.api.model.RecognitionHead;
import io.action4j.registry.config.ComponentOf;
import io.action4j.registry.config.ComponentSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A model: a backbone and exactly one head, which decides the task (MMAction2's {@code cls_head}
 * for recognition, {@code roi_head} for spatio-temporal detection; a localization head reads
 * precomputed snippet features, so it needs no backbone).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelConfig(
        @ComponentOf(BACKBONE) ComponentSpec backbone,
        @ComponentOf(RECOGNITION_HEAD) ComponentSpec clsHead,
        @ComponentOf(LOCALIZATION_HEAD) ComponentSpec locHead,
        @ComponentOf(DETECTION_HEAD) ComponentSpec roiHead) {

    /** The three tasks, told apart by the head a model has. */
    public enum Task { RECOGNITION, LOCALIZATION, DETECTION }

    public ModelConfig {
        List<String> heads = new ArrayList<>();
        if (clsHead != null) {
            heads.add("clsHead");
        }
        if (locHead != null) {
            heads.add("locHead");
        }
        if (roiHead != null) {
            heads.add("roiHead");
        }
        if (heads.size() != 1) {
            throw new ConfigValueException(heads.isEmpty() ? "clsHead" : heads.get(1),
                    heads.isEmpty() ? "a model needs one head: clsHead, locHead or roiHead"
                            : "a model has exactly one head, got " + heads);
        }
        if (backbone == null && locHead == null) {
            throw new ConfigValueException("backbone", "is required with " + heads.get(0));
        }
        if (backbone != null && locHead != null) {
            throw new ConfigValueException("backbone", "a localization head reads snippet features; remove the backbone");
        }
    }

    @JsonIgnore
    public Task task() {
        return clsHead != null ? Task.RECOGNITION : locHead != null ? Task.LOCALIZATION : Task.DETECTION;
    }

    /**
     * The number of classes a recognition model scores, as its head reports it.
     *
     * @param use what needs it, for the message when the model has no clsHead (e.g. {@code training})
     * @throws IllegalArgumentException when the model is not a recognition model
     */
    public int recognitionClasses(String use) {
        if (clsHead == null) {
            throw new IllegalArgumentException(use + " needs a recognition model (a clsHead); this config's model is for "
                    + task());
        }
        return clsHead.create(RecognitionHead.class).numClasses();
    }

    /** The other frameworks' checkpoint layouts the model's components declare (see ComponentFactory). */
    public List<CheckpointKeyMapping> checkpointKeyMappings() {
        return Stream.of(backbone, clsHead, locHead, roiHead).filter(Objects::nonNull)
                .flatMap(spec -> spec.component().factory().checkpointKeyMappings().stream()).toList();
    }
}
