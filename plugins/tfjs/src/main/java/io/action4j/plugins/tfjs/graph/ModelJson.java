package io.action4j.plugins.tfjs.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The parts of a TensorFlow.js {@code model.json} (format {@code graph-model}) that the importer reads:
 * the graph's nodes, the weight manifest and the signature. Other keys ({@code generatedBy},
 * {@code versions}, ...) are ignored.
 */
record ModelJson(String format, Topology modelTopology, List<WeightGroup> weightsManifest, JsonNode signature) {

    /** {@code modelTopology}: a TensorFlow GraphDef written as JSON. */
    record Topology(List<NodeDef> node) {
    }

    /**
     * One node: its op, inputs ({@code "name"}, {@code "name:1"} for a second output, {@code "^name"} for a
     * control dependency) and attributes (TensorFlow's AttrValue in JSON: {@code s} base64, {@code i} as a
     * string, {@code f}, {@code b}, {@code type}, {@code list}, {@code shape}, {@code tensor}).
     */
    record NodeDef(String name, String op, List<String> input, Map<String, JsonNode> attr) {

        List<String> inputs() {
            return input == null ? List.of() : input;
        }

        Map<String, JsonNode> attributes() {
            return attr == null ? Map.of() : attr;
        }
    }

    /** Shards ({@code paths}, relative to model.json, read as one byte stream) holding {@code weights} in order. */
    record WeightGroup(List<String> paths, List<WeightSpec> weights) {
    }

    /** One constant's place in its group: name, shape, dtype and, for quantized weights, the stored dtype. */
    record WeightSpec(String name, List<Long> shape, String dtype, Quantization quantization) {
    }

    /** {@code {"dtype": "float16"}} (or {@code uint8}/{@code uint16} with {@code scale} and {@code min}). */
    record Quantization(String dtype, Double scale, Double min) {
    }
}
