package io.action4j.engine.training;

import io.action4j.api.io.AtomicFiles;
import io.action4j.engine.checkpoint.CheckpointException;
import io.action4j.engine.checkpoint.ModelCheckpoint;
import io.action4j.engine.checkpoint.Safetensors;
import io.action4j.engine.checkpoint.StateDict;
import io.action4j.engine.checkpoint.TensorData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What resuming needs beside the weights: the optimizer's state and the last completed epoch, in
 * a safetensors file next to the model checkpoint ({@code epoch_N.state.safetensors}).
 */
final class TrainingState {

    static final String FORMAT = "action4j.training_state";

    private TrainingState() {
    }

    static Path stateFile(Path checkpoint) {
        String name = checkpoint.getFileName().toString();
        String stem = name.endsWith(".safetensors") ? name.substring(0, name.length() - ".safetensors".length()) : name;
        return checkpoint.resolveSibling(stem + ".state.safetensors");
    }

    /**
     * The state file's content, to write together with its checkpoint ({@link Safetensors#writeAtomically(java.util.List)}):
     * a run that fails while writing either leaves the earlier pair as it was.
     */
    static AtomicFiles.Part part(Path file, Optimizer optimizer, int epoch) {
        Map<String, TensorData> tensors = new TreeMap<>();
        optimizer.state().forEach((name, array) -> tensors.put(name,
                new TensorData(name, array.shape(), array.castTo(DataType.FLOAT).dup('c').data().asFloat())));
        return new AtomicFiles.Part(file, Safetensors.content(tensors,
                Map.of("format", FORMAT, "epoch", Integer.toString(epoch))));
    }

    /**
     * Loads the checkpoint's weights into the graph and the optimizer's state beside it.
     *
     * @return the epoch the checkpoint completed
     * @throws CheckpointException naming the file when either is missing or does not fit
     */
    static int restore(Path checkpoint, TrainingGraph graph, Optimizer optimizer) {
        Path stateFile = stateFile(checkpoint);
        if (!Files.exists(stateFile)) {
            throw new CheckpointException(checkpoint + ": cannot resume, its training state " + stateFile.getFileName()
                    + " is missing (a checkpoint without it can initialise a new run instead: loadFrom)");
        }
        ModelCheckpoint.load(checkpoint).loadInto(graph.model());
        StateDict state = Safetensors.read(stateFile);
        if (!FORMAT.equals(state.metadata().get("format"))) {
            throw new CheckpointException(stateFile + ": not an action4j training state");
        }
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        state.tensors().forEach((name, tensor) -> arrays.put(name, Nd4j.create(tensor.values(), tensor.shape(), 'c')));
        try {
            optimizer.loadState(arrays, graph.parameters());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(stateFile + ": " + e.getMessage(), e);
        }
        try {
            return Integer.parseInt(state.metadata().get("epoch"));
        } catch (NumberFormatException e) {
            throw new CheckpointException(stateFile + ": no valid epoch in its metadata", e);
        }
    }
}
