package io.action4j.engine.checkpoint;

import io.action4j.api.model.CheckpointKeyMapping;
import io.action4j.engine.model.ComposedModel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A checkpoint file to load into a model, and how: a PyTorch {@code .pth}/{@code .pt} (read by a
 * restricted unpickler that runs nothing), a {@code .safetensors} file, or an action4j checkpoint.
 *
 * @param file the checkpoint
 * @param keyMapping how its keys name graph variables: {@value #AUTO} (detected from the keys) or a
 *        mapping's name: {@code mmaction2}, {@code graph}, or one the model's components declare
 *        ({@code torchvision_video_resnet}, ...)
 * @param strict refuse a checkpoint with missing, unexpected or mis-shaped keys (else load what matches
 *        and list the rest)
 * @param crossModality TSN's cross-modality initialisation: a convolution weight that differs from the model's
 *        in its input channels only (an RGB model's first layer for a flow or RGB-difference model) is averaged
 *        over its channels and repeated for each of the model's
 */
public record Checkpoint(Path file, String keyMapping, boolean strict, boolean crossModality) {

    /** Detect the key mapping from the checkpoint's keys. */
    public static final String AUTO = "auto";

    public Checkpoint {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(keyMapping, "keyMapping");
    }

    /** Without cross-modality initialisation. */
    public Checkpoint(Path file, String keyMapping, boolean strict) {
        this(file, keyMapping, strict, false);
    }

    /** {@code file}, its mapping detected, loaded strictly. */
    public static Checkpoint of(Path file) {
        return new Checkpoint(file, AUTO, true);
    }

    /**
     * Loads the weights into {@code model}.
     *
     * @return what was loaded, missing, unexpected or mis-shaped
     * @throws CheckpointException naming the file and the tensors when it does not fit (strict) or cannot be read
     */
    public LoadReport loadInto(ComposedModel model) {
        StateDict state = CheckpointFiles.read(file);
        KeyMappings mappings = KeyMappings.of(model.config().checkpointKeyMappings());
        CheckpointKeyMapping mapping = keyMapping.equalsIgnoreCase(AUTO)
                ? mappings.detect(state.tensors().keySet()) : mappings.named(keyMapping);
        CheckpointLoader loader = new CheckpointLoader(mapping, crossModality);
        return strict
                ? loader.loadStrict(model, state.tensors(), file.toString())
                : loader.loadMatching(model, state.tensors(), file.toString());
    }

    /**
     * Loads every tensor of {@code model} from the file, whatever else the file holds (a whole model's
     * checkpoint gives one part its weights, the other part's tensors left over).
     *
     * @param part what the model is, for the message ({@code backbone}, {@code detector})
     * @throws IllegalArgumentException naming the part and the file when a tensor of the model is missing
     *         from it or has another shape
     */
    public LoadReport loadAllInto(ComposedModel model, String part) {
        LoadReport report = new Checkpoint(file, keyMapping, false, crossModality).loadInto(model);
        if (!report.missing().isEmpty() || !report.mismatched().isEmpty()) {
            throw new IllegalArgumentException("the " + part + "'s weights are not all in " + file + ": "
                    + report.describe());
        }
        return report;
    }
}
