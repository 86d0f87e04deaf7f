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
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A model: a backbone and its heads, one of each kind at most (MMAction2's {@code cls_head} for
 * recognition, {@code roi_head} for spatio-temporal detection, a localization head). A localization
 * head reads snippet features (N x C x T): precomputed ones, with no backbone, or the backbone's,
 * averaged over height and width. A model with two heads computes both from one pass of the backbone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelConfig(
        @ComponentOf(BACKBONE) ComponentSpec backbone,
        @ComponentOf(RECOGNITION_HEAD) ComponentSpec clsHead,
        @ComponentOf(LOCALIZATION_HEAD) ComponentSpec locHead,
        @ComponentOf(DETECTION_HEAD) ComponentSpec roiHead) {

    /** The three tasks, told apart by the heads a model has. */
    public enum Task { RECOGNITION, LOCALIZATION, DETECTION }

    public ModelConfig {
        if (clsHead == null && locHead == null && roiHead == null) {
            throw new ConfigValueException("clsHead", "a model needs a head: clsHead, locHead or roiHead");
        }
        if (backbone == null && (clsHead != null || roiHead != null)) {
            throw new ConfigValueException("backbone", "is required with " + (clsHead != null ? "clsHead" : "roiHead"));
        }
    }

    /** The tasks of the model's heads, in the order recognition, localization, detection. */
    @JsonIgnore
    public Set<Task> tasks() {
        Set<Task> tasks = EnumSet.noneOf(Task.class);
        if (clsHead != null) {
            tasks.add(Task.RECOGNITION);
        }
        if (locHead != null) {
            tasks.add(Task.LOCALIZATION);
        }
        if (roiHead != null) {
            tasks.add(Task.DETECTION);
        }
        return tasks;
    }

    /** Whether the model has a head for {@code task}. */
    public boolean has(Task task) {
        return tasks().contains(task);
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
                    + tasks());
        }
        return clsHead.create(RecognitionHead.class).numClasses();
    }

    /** The other frameworks' checkpoint layouts the model's components declare (see ComponentFactory). */
    public List<CheckpointKeyMapping> checkpointKeyMappings() {
        return Stream.of(backbone, clsHead, locHead, roiHead).filter(Objects::nonNull)
                .flatMap(spec -> spec.component().factory().checkpointKeyMappings().stream()).toList();
    }
}
