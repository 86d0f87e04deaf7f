package io.action4j.engine.checkpoint;

import io.action4j.api.model.CheckpointKeyMapping;
import io.action4j.engine.model.ComposedModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads checkpoint tensors into a graph's variables and constants by name: each key goes through
 * the {@link CheckpointKeyMapping}, each value through {@link LayoutConversion} when the mapping's layout is
 * PyTorch's. The whole checkpoint is matched against the graph before any value is written, so a
 * strict load either loads everything or nothing. {@code num_batches_tracked} is ignored: the graph
 * has no use for it.
 */
public final class CheckpointLoader {

    private static final String IGNORED_SUFFIX = "num_batches_tracked";

    private final CheckpointKeyMapping mapping;
    private final boolean crossModality;

    public CheckpointLoader(CheckpointKeyMapping mapping) {
        this(mapping, false);
    }

    /**
     * @param crossModality give a convolution weight that differs from the model's in its input channels
     *        only the average over its channels, repeated (TSN's cross-modality initialisation, {@link CrossModality})
     */
    public CheckpointLoader(CheckpointKeyMapping mapping, boolean crossModality) {
        this.mapping = mapping;
        this.crossModality = crossModality;
    }

    /**
     * Loads every tensor, or throws without changing the model.
     *
     * @param source the file the tensors came from, for messages
     * @throws CheckpointMismatchException listing every missing, unexpected, misshapen and duplicate tensor
     */
    public LoadReport loadStrict(ComposedModel model, Map<String, TensorData> tensors, String source) {
        Plan plan = plan(model.sameDiff(), model::torchLayout, model::isDerivedBuffer, tensors, source);
        if (!plan.report.complete()) {
            throw new CheckpointMismatchException(plan.report);
        }
        plan.apply(model.sameDiff());
        return plan.report;
    }

    /** Loads the tensors that fit and reports the rest. */
    public LoadReport loadMatching(ComposedModel model, Map<String, TensorData> tensors, String source) {
        Plan plan = plan(model.sameDiff(), model::torchLayout, model::isDerivedBuffer, tensors, source);
        plan.apply(model.sameDiff());
        return plan.report;
    }

    /** Into a bare graph: PyTorch layouts are told apart by rank alone (see {@link LayoutConversion}). */
    public LoadReport loadStrict(SameDiff graph, Map<String, TensorData> tensors, String source) {
        return loadStrict(graph, name -> Optional.empty(), tensors, source);
    }

    public LoadReport loadMatching(SameDiff graph, Map<String, TensorData> tensors, String source) {
        return loadMatching(graph, name -> Optional.empty(), tensors, source);
    }

    /**
     * Into a graph built with a {@code GraphBuilder}: {@code layouts} is its {@code torchLayout}, which knows
     * each conv and linear weight's PyTorch order (a conv1d's among them, which rank alone cannot tell).
     */
    public LoadReport loadStrict(SameDiff graph, Function<String, Optional<int[]>> layouts,
                                 Map<String, TensorData> tensors, String source) {
        Plan plan = plan(graph, layouts, name -> false, tensors, source);
        if (!plan.report.complete()) {
            throw new CheckpointMismatchException(plan.report);
        }
        plan.apply(graph);
        return plan.report;
    }

    public LoadReport loadMatching(SameDiff graph, Function<String, Optional<int[]>> layouts,
                                   Map<String, TensorData> tensors, String source) {
        Plan plan = plan(graph, layouts, name -> false, tensors, source);
        plan.apply(graph);
        return plan.report;
    }

    /** A value in the graph's layout, ready to be written into its variable. */
    private record Assignment(String graphName, long[] shape, float[] values) {
    }

    private record Plan(List<Assignment> assignments, LoadReport report) {
        void apply(SameDiff graph) {
            for (Assignment assignment : assignments) {
                INDArray target = graph.getVariable(assignment.graphName()).getArr();
                INDArray values = Nd4j.create(assignment.values(), assignment.shape(), 'c');
                target.assign(target.dataType() == DataType.FLOAT ? values : values.castTo(target.dataType()));
            }
        }
    }

    /** @param layouts a parameter's own PyTorch-to-graph axis order, where its builder recorded one */
    /** @param derived buffers the model computes from its config: loaded when present, never missing */
    private Plan plan(SameDiff graph, Function<String, Optional<int[]>> layouts, java.util.function.Predicate<String> derived,
                      Map<String, TensorData> tensors, String source) {
        Map<String, long[]> parameters = parameterShapes(graph);
        Map<String, List<String>> keysByName = new TreeMap<>();
        List<String> unexpected = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<ShapeMismatch> mismatched = new ArrayList<>();
        List<Assignment> assignments = new ArrayList<>();
        // Sorted, so that every report lists its keys in the same order whatever map it was given.
        for (Map.Entry<String, TensorData> entry : new TreeMap<>(tensors).entrySet()) {
            String key = entry.getKey();
            if (key.endsWith(IGNORED_SUFFIX)) {
                ignored.add(key);
                continue;
            }
            Optional<String> graphName = mapping.toGraphName(key);
            if (graphName.isEmpty() || !parameters.containsKey(graphName.get())) {
                unexpected.add(graphName.map(name -> key + " -> " + name).orElse(key + " (no mapping rule)"));
                continue;
            }
            String name = graphName.get();
            keysByName.computeIfAbsent(name, n -> new ArrayList<>()).add(key);
            TensorData tensor = entry.getValue();
            long[] graphShape = parameters.get(name);
            int[] permutation = permutation(layouts, name, tensor.shape().length);
            long[] converted = LayoutConversion.graphShape(tensor.shape(), permutation);
            if (crossModality && CrossModality.applies(converted, graphShape)) {
                int rank = graphShape.length;
                tensor = CrossModality.replicate(tensor, CrossModality.inputChannelAxis(permutation, rank),
                        graphShape[rank - 2]);
                converted = LayoutConversion.graphShape(tensor.shape(), permutation);
            }
            if (!Arrays.equals(converted, graphShape)) {
                mismatched.add(new ShapeMismatch(key, name, tensor.shape(), converted, graphShape,
                        LayoutConversion.torchShape(graphShape, permutation)));
                continue;
            }
            assignments.add(new Assignment(name, graphShape,
                    LayoutConversion.toGraph(tensor.shape(), tensor.values(), permutation)));
        }
        List<String> duplicates = new ArrayList<>();
        keysByName.forEach((name, keys) -> {
            if (keys.size() > 1) {
                duplicates.add(name + " <- " + keys);
            }
        });
        List<String> missing = parameters.keySet().stream()
                .filter(name -> !keysByName.containsKey(name) && !derived.test(name)).sorted().toList();
        // A duplicate is loaded from none of its keys: which one would win is arbitrary.
        List<Assignment> unambiguous = assignments.stream().filter(a -> keysByName.get(a.graphName()).size() == 1).toList();
        List<String> loaded = unambiguous.stream().map(Assignment::graphName).toList();
        return new Plan(unambiguous, new LoadReport(source, mapping.name(), loaded, missing, unexpected, mismatched,
                duplicates, ignored));
    }

    /** Trainable variables and constants (batch-norm running statistics) by name, with their shapes. */
    /**
     * What a checkpoint fills: every trainable variable, and the constants named like a PyTorch
     * buffer ({@code module.buffer}, e.g. {@code conv1.bn.running_mean}). Constants a component
     * makes for its own arithmetic (SameDiff names them {@code sd_var...}) are not checkpoint entries.
     */
    private static Map<String, long[]> parameterShapes(SameDiff graph) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (SDVariable variable : graph.variables()) {
            if (isCheckpointEntry(variable)) {
                shapes.put(variable.name(), variable.getArr().shape());
            }
        }
        return shapes;
    }

    /**
     * Whether a checkpoint holds the variable: a trainable parameter, or a constant named like a
     * module's buffer ({@code bn.running_mean}); other constants (a loss's masks, sampling tables)
     * are rebuilt from the config.
     */
    static boolean isCheckpointEntry(SDVariable variable) {
        VariableType type = variable.getVariableType();
        return (type == VariableType.VARIABLE || type == VariableType.CONSTANT && isBufferName(variable.name()))
                && variable.getArr() != null;
    }

    private static boolean isBufferName(String name) {
        return name.substring(name.lastIndexOf('/') + 1).contains(".");
    }

    /** The parameter's recorded axis order, else the rank's; null ("as is") for a graph-layout mapping. */
    private int[] permutation(Function<String, Optional<int[]>> layouts, String name, int rank) {
        if (mapping.layout() != CheckpointKeyMapping.Layout.TORCH) {
            return null;
        }
        // A tensor of another rank than the parameter's is reported as mis-shaped, whatever its order.
        return layouts.apply(name).filter(order -> order.length == rank).orElseGet(() -> LayoutConversion.byRank(rank));
    }
}
