package io.action4j.engine.checkpoint;

import io.action4j.api.io.AtomicFiles;
import io.action4j.engine.model.ComposedModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The framework's own checkpoint: a safetensors file of every graph variable and constant under its
 * graph name, in the graph's layout, as float32, with the resolved config and a format version in
 * {@code __metadata__}. Written to a temporary file beside the target and renamed over it, so a
 * reader never sees a half-written checkpoint.
 */
public final class ModelCheckpoint {

    public static final String FORMAT_KEY = "format";
    public static final String FORMAT = "action4j.checkpoint";
    public static final String VERSION_KEY = "format_version";
    public static final String VERSION = "1";
    public static final String CONFIG_KEY = "config";

    /** A checkpoint as read: the config it was trained or converted with, and the weights by graph name. */
    public record Contents(Path file, String config, Map<String, TensorData> weights) {

        public Contents {
            weights = Map.copyOf(weights);
        }

        /** Loads the weights into {@code model} (built from {@link #config()}), strictly. */
        public LoadReport loadInto(ComposedModel model) {
            return new CheckpointLoader(KeyMappings.GRAPH).loadStrict(model, weights, file.toString());
        }
    }

    private ModelCheckpoint() {
    }

    public static void save(Path file, ComposedModel model, String resolvedConfigYaml) {
        Safetensors.writeAtomically(List.of(part(file, model, resolvedConfigYaml)));
    }

    /**
     * The checkpoint {@link #save} writes, to write together with files that belong with it (the training
     * state) by {@link Safetensors#writeAtomically(List)}.
     */
    public static AtomicFiles.Part part(Path file, ComposedModel model, String resolvedConfigYaml) {
        Map<String, TensorData> weights = new TreeMap<>();
        for (SDVariable variable : model.sameDiff().variables()) {
            // Buffers computed from the config (BMN's 10^7-value sampling mask) are rebuilt, not stored.
            if (CheckpointLoader.isCheckpointEntry(variable) && !model.isDerivedBuffer(variable.name())) {
                INDArray array = variable.getArr();
                float[] values = array.castTo(DataType.FLOAT).dup('c').data().asFloat();
                weights.put(variable.name(), new TensorData(variable.name(), array.shape(), values));
            }
        }
        Map<String, String> metadata = Map.of(FORMAT_KEY, FORMAT, VERSION_KEY, VERSION, CONFIG_KEY, resolvedConfigYaml);
        return new AtomicFiles.Part(file, Safetensors.content(weights, metadata));
    }

    public static Contents load(Path file) {
        StateDict read = Safetensors.read(file);
        Map<String, String> metadata = read.metadata();
        if (!FORMAT.equals(metadata.get(FORMAT_KEY))) {
            throw new CheckpointException(file + ": not an action4j checkpoint (its metadata has no " + FORMAT_KEY + "="
                    + FORMAT + "); to load a PyTorch or other safetensors file use Checkpoint, or CheckpointLoader with a key mapping");
        }
        if (!VERSION.equals(metadata.get(VERSION_KEY))) {
            throw new CheckpointException(file + ": checkpoint format version " + metadata.get(VERSION_KEY)
                    + " is not supported (this build reads version " + VERSION + ")");
        }
        if (!metadata.containsKey(CONFIG_KEY)) {
            throw new CheckpointException(file + ": checkpoint metadata lacks the config");
        }
        if (!read.integerTensors().isEmpty()) {
            throw new CheckpointException(file + ": unexpected integer tensors " + read.integerTensors().keySet());
        }
        return new Contents(file, metadata.get(CONFIG_KEY), read.tensors());
    }

}
