package io.action4j.plugins.tfjs.graph;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A TensorFlow.js graph model ({@code model.json} with format {@code graph-model} and its binary weight shards)
 * imported into one SameDiff graph, built once and run many times.
 *
 * <p>Only data is read: the JSON through Jackson into plain records, the weights as little-endian numbers
 * (float32, int32, or float16/uint8/uint16 quantized). Every op is mapped to SameDiff ops while loading, so a
 * model with an op this importer lacks fails here, naming the node and the op, not when it first runs.
 */
public final class TfjsGraphModel {

    /** Bounds model.json, which is read into memory whole. */
    static final long MAX_JSON_BYTES = 64L << 20;

    private static final ObjectMapper JSON = new ObjectMapper()
            // model.json carries keys this importer has no use for (versions, userDefinedMetadata, ...).
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final SameDiff graph;
    private final Map<String, long[]> inputShapes;
    private final Map<String, String> outputVariables;
    private final Map<String, long[]> outputShapes;

    TfjsGraphModel(SameDiff graph, Map<String, long[]> inputShapes, Map<String, String> outputVariables,
                   Map<String, long[]> outputShapes) {
        this.graph = graph;
        this.inputShapes = new LinkedHashMap<>(inputShapes);
        this.outputVariables = new LinkedHashMap<>(outputVariables);
        this.outputShapes = new LinkedHashMap<>(outputShapes);
    }

    /**
     * Reads {@code modelJson} and the weight files its manifest names (beside it), and builds the graph.
     *
     * @throws TfjsModelException naming the file when one is missing, unreadable, malformed or shorter than the
     *     manifest says, or naming the node when the graph has an op or attribute SameDiff cannot express
     */
    public static TfjsGraphModel load(Path modelJson) {
        ModelJson model = parse(modelJson);
        Map<String, ConstantTensor> weights = WeightsReader.read(modelJson, model.weightsManifest());
        try {
            return TfjsGraphImporter.importGraph(model.modelTopology().node(), weights, signatureOutputs(model));
        } catch (TfjsModelException e) {
            throw new TfjsModelException(modelJson + ": " + e.getMessage(), e);
        }
    }

    private static ModelJson parse(Path modelJson) {
        ModelJson model;
        try {
            if (Files.size(modelJson) > MAX_JSON_BYTES) {
                throw new TfjsModelException(modelJson + ": larger than " + MAX_JSON_BYTES + " bytes");
            }
            model = JSON.readValue(modelJson.toFile(), ModelJson.class);
        } catch (NoSuchFileException e) {
            throw new TfjsModelException("model file missing: " + modelJson);
        } catch (JacksonException e) {
            throw new TfjsModelException("model file invalid: " + modelJson + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new TfjsModelException("cannot read model file " + modelJson + ": " + e.getMessage(), e);
        }
        if (model == null) {
            throw new TfjsModelException("model file invalid: " + modelJson + " is empty");
        }
        if (model.format() != null && !model.format().equals("graph-model")) {
            throw new TfjsModelException("model file invalid: " + modelJson + " is a " + model.format()
                    + ", not a graph-model");
        }
        if (model.modelTopology() == null || model.modelTopology().node() == null) {
            throw new TfjsModelException("model file invalid: " + modelJson + " has no modelTopology.node list");
        }
        return model;
    }

    /** The signature's outputs in its order ({@code "Identity:0"}, ...); empty when there is no signature. */
    private static List<String> signatureOutputs(ModelJson model) {
        List<String> outputs = new ArrayList<>();
        JsonNode signatureOutputs = model.signature() == null ? null : model.signature().get("outputs");
        if (signatureOutputs != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = signatureOutputs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> output = it.next();
                outputs.add(output.getValue().path("name").asText(output.getKey()));
            }
        }
        return outputs;
    }

    /** The graph's inputs (its Placeholder nodes) with their shapes, {@code -1} where any size goes. */
    public Map<String, long[]> inputShapes() {
        Map<String, long[]> copy = new LinkedHashMap<>();
        inputShapes.forEach((name, shape) -> copy.put(name, shape.clone()));
        return copy;
    }

    /** The outputs, as {@link #run} names them: the signature's order, {@code ":0"} left off. */
    public List<String> outputNames() {
        return List.copyOf(outputVariables.keySet());
    }

    /** Each output's shape as the import worked it out, {@code -1} where it depends on the input. */
    public Map<String, long[]> outputShapes() {
        Map<String, long[]> copy = new LinkedHashMap<>();
        outputShapes.forEach((name, shape) -> copy.put(name, shape.clone()));
        return copy;
    }

    /**
     * Runs the graph.
     *
     * @param inputs one float array per input, its shape matching {@link #inputShapes()}
     * @return every output by name, in {@link #outputNames()} order
     * @throws IllegalArgumentException naming the input when one is missing or has the wrong shape
     */
    public Map<String, INDArray> run(Map<String, INDArray> inputs) {
        for (Map.Entry<String, long[]> input : inputShapes.entrySet()) {
            INDArray array = inputs.get(input.getKey());
            if (array == null) {
                throw new IllegalArgumentException("input '" + input.getKey() + "' is missing; inputs: "
                        + inputShapes.keySet());
            }
            if (!fits(array.shape(), input.getValue())) {
                throw new IllegalArgumentException("input '" + input.getKey() + "' must have shape "
                        + Arrays.toString(input.getValue()) + ", got " + Arrays.toString(array.shape()));
            }
        }
        Map<String, INDArray> computed = graph.output(inputs, outputVariables.values().toArray(String[]::new));
        Map<String, INDArray> outputs = new LinkedHashMap<>();
        outputVariables.forEach((name, variable) -> outputs.put(name, computed.get(variable)));
        return outputs;
    }

    /** The SameDiff graph, e.g. to save it in SameDiff's own format. */
    public SameDiff graph() {
        return graph;
    }

    private static boolean fits(long[] shape, long[] expected) {
        if (shape.length != expected.length) {
            return false;
        }
        for (int i = 0; i < shape.length; i++) {
            if (expected[i] >= 0 && expected[i] != shape[i]) {
                return false;
            }
        }
        return true;
    }
}
