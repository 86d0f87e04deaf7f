package io.action4j.plugins.tfjs.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.action4j.plugins.tfjs.graph.ModelJson.NodeDef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Builds a SameDiff graph from a parsed model.json and its decoded weights: the nodes the outputs need, in
 * dependency order, each through the {@link OpMapper} of its op.
 */
final class TfjsGraphImporter {

    private static final Map<String, OpMapper> MAPPERS = mappers();

    private final Map<String, NodeDef> nodes = new LinkedHashMap<>();
    private final Map<String, ConstantTensor> weights;
    private final SameDiff graph = SameDiff.create();
    /** Every imported output, by TensorFlow reference: {@code "node"} (first output) or {@code "node:1"}. */
    private final Map<String, GraphValue> values = new HashMap<>();
    private final Map<String, long[]> inputShapes = new LinkedHashMap<>();
    private final Layouts layouts = new Layouts(graph);

    private TfjsGraphImporter(List<NodeDef> nodeList, Map<String, ConstantTensor> weights) {
        for (NodeDef node : nodeList) {
            if (node.name() == null || node.op() == null) {
                throw new TfjsModelException("a node lacks its name or op: " + node);
            }
            if (nodes.put(node.name(), node) != null) {
                throw new TfjsModelException("node '" + node.name() + "' is defined twice");
            }
        }
        this.weights = weights;
    }

    /** The ops this importer maps, for listings and error messages. */
    static Set<String> supportedOps() {
        Set<String> ops = new TreeSet<>(MAPPERS.keySet());
        ops.add("Const");
        ops.add("Placeholder");
        return ops;
    }

    static TfjsGraphModel importGraph(List<NodeDef> nodeList, Map<String, ConstantTensor> weights,
                                      List<String> outputReferences) {
        TfjsGraphImporter importer = new TfjsGraphImporter(nodeList, weights);
        List<String> outputs = outputReferences.isEmpty() ? importer.unconsumedNodes() : outputReferences;
        for (NodeDef node : importer.dependencyOrder(outputs)) {
            importer.importNode(node);
        }
        Map<String, String> outputVariables = new LinkedHashMap<>();
        Map<String, long[]> outputShapes = new LinkedHashMap<>();
        for (String output : outputs) {
            GraphValue value = importer.values.get(canonical(output));
            if (value == null) {
                throw new TfjsModelException("output '" + output + "' is not produced by any node");
            }
            String name = canonical(output);
            outputVariables.put(name, importer.variableOf(value, output).name());
            outputShapes.put(name, value.shape());
        }
        return new TfjsGraphModel(importer.graph, importer.inputShapes, outputVariables, outputShapes);
    }

    private static Map<String, OpMapper> mappers() {
        Map<String, OpMapper> mappers = new HashMap<>();
        ConvolutionOps.register(mappers);
        ArrayOps.register(mappers);
        ElementwiseOps.register(mappers);
        ImageOps.register(mappers);
        ConstantFolding.register(mappers);
        return Map.copyOf(mappers);
    }

    /** Nodes whose outputs nothing reads: the graph's outputs when model.json has no signature. */
    private List<String> unconsumedNodes() {
        Set<String> consumed = new HashSet<>();
        nodes.values().forEach(node -> node.inputs().forEach(input -> consumed.add(nodeName(input))));
        return nodes.values().stream()
                .filter(node -> !consumed.contains(node.name()) && !node.op().equals("Const"))
                .map(NodeDef::name)
                .toList();
    }

    /** The nodes {@code outputs} depend on, each after its inputs (iterative: graphs can be deep). */
    private List<NodeDef> dependencyOrder(List<String> outputs) {
        List<NodeDef> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> inProgress = new HashSet<>();
        Deque<String> stack = new ArrayDeque<>();
        for (String output : outputs) {
            stack.push(nodeName(output));
        }
        while (!stack.isEmpty()) {
            String name = stack.peek();
            if (done.contains(name)) {
                stack.pop();
                continue;
            }
            NodeDef node = nodes.get(name);
            if (node == null) {
                throw new TfjsModelException("node '" + name + "' is referenced but not defined");
            }
            if (inProgress.add(name)) {
                for (String input : node.inputs()) {
                    String dependency = nodeName(input);
                    if (inProgress.contains(dependency) && !done.contains(dependency)) {
                        throw new TfjsModelException("node '" + name + "' is part of a cycle through '"
                                + dependency + "'");
                    }
                    if (!done.contains(dependency)) {
                        stack.push(dependency);
                    }
                }
            } else {
                stack.pop();
                done.add(name);
                order.add(node);
            }
        }
        return order;
    }

    private void importNode(NodeDef node) {
        switch (node.op()) {
            case "Const" -> importConstant(node);
            case "Placeholder" -> importPlaceholder(node);
            default -> {
                OpMapper mapper = MAPPERS.get(node.op());
                if (mapper == null) {
                    throw new TfjsModelException("node '" + node.name() + "': op " + node.op()
                            + " is not supported; supported ops: " + supportedOps());
                }
                List<GraphValue> inputs = new ArrayList<>();
                for (String input : node.inputs()) {
                    if (!input.startsWith("^")) {
                        inputs.add(values.get(canonical(input)));
                        if (inputs.get(inputs.size() - 1) == null) {
                            throw new TfjsModelException("node '" + node.name() + "' (" + node.op() + "): input '"
                                    + input + "' does not exist");
                        }
                    }
                }
                NodeContext context = new NodeContext(node, inputs, graph, layouts);
                mapper.map(context);
                List<GraphValue> outputs = context.outputs();
                for (int i = 0; i < outputs.size(); i++) {
                    values.put(i == 0 ? node.name() : node.name() + ":" + i, outputs.get(i));
                }
            }
        }
    }

    private void importConstant(NodeDef node) {
        ConstantTensor weight = weights.get(node.name());
        if (weight == null) {
            throw new TfjsModelException("node '" + node.name() + "' (Const): no weight of that name in the "
                    + "weightsManifest");
        }
        values.put(node.name(), new GraphValue.Constant(weight));
    }

    private void importPlaceholder(NodeDef node) {
        NodeAttributes attributes = new NodeAttributes(node.name(), node.op(), node.attributes());
        JsonNode dtype = node.attributes().get("dtype");
        if (dtype != null && !"DT_FLOAT".equals(dtype.path("type").asText())) {
            throw attributes.invalid("dtype", "is " + dtype.path("type").asText() + "; only DT_FLOAT inputs are "
                    + "supported");
        }
        JsonNode dims = node.attributes().getOrDefault("shape", null);
        if (dims == null || !dims.path("shape").has("dim")) {
            throw attributes.invalid("shape", "is missing: the input's rank must be known");
        }
        JsonNode list = dims.path("shape").path("dim");
        long[] shape = new long[list.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = list.get(i).path("size").asLong(-1);
        }
        SDVariable input = graph.placeHolder(node.name(), DataType.FLOAT, shape);
        inputShapes.put(node.name(), shape);
        values.put(node.name(), new GraphValue.Tensor(input, shape));
    }

    private SDVariable variableOf(GraphValue value, String output) {
        if (value instanceof GraphValue.Tensor tensor) {
            return layouts.materialize(tensor);
        }
        return graph.constant(output.replace(':', '_'), ((GraphValue.Constant) value).tensor().toArray());
    }

    /** {@code "node:0"} is {@code "node"}. */
    private static String canonical(String reference) {
        return reference.endsWith(":0") ? reference.substring(0, reference.length() - 2) : reference;
    }

    private static String nodeName(String reference) {
        String name = reference.startsWith("^") ? reference.substring(1) : reference;
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }
}
