package io.action4j.launcher;

import io.action4j.engine.data.NpyFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.action4j.api.model.TensorShape;
import io.action4j.engine.checkpoint.LoadReport;
import io.action4j.engine.config.ModelConfig;
import io.action4j.engine.model.ComposedModel;
import io.action4j.engine.model.LayerSummary;
import io.action4j.engine.model.ModelComposer;
import io.action4j.engine.model.ModelSummarizer;
import io.action4j.engine.model.ModelSummary;
import io.action4j.engine.model.TensorBudget;
import io.action4j.registry.config.ConfigTree;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code action4j model ...}. */
@Command(name = "model", mixinStandardHelpOptions = true, description = "Build and inspect models.",
        subcommands = {ModelCommand.Summary.class, ModelCommand.Run.class})
final class ModelCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code action4j model summary CONFIG [--input 1x3x16x112x112]}. */
    @Command(name = "summary", mixinStandardHelpOptions = true,
            description = {"Builds the model's SameDiff graph, runs it once on zeros of the input shape and prints "
                    + "every layer with its output shape, the parameter count and the compute.",
                    "MACs count the multiply-accumulates of convolutions and matrix products; FLOPs = 2 x MACs."})
    static final class Summary implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ConfigArguments configArguments;

        @Option(names = "--input", paramLabel = "SHAPE",
                description = "Input shape: NCTHW for recognition and detection (default 1x3x16x112x112), "
                        + "N x C x T for localization (default 1x400x100).")
        String input;

        @Option(names = "--rois", defaultValue = "1", paramLabel = "N",
                description = "Detection only: person boxes in the batch (default: ${DEFAULT-VALUE}).")
        int rois;

        @Option(names = "--no-layers", description = "Print only the totals, not every layer.")
        boolean noLayers;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
        OutputFormat format;

        @Override
        public Integer call() throws Exception {
            ConfigTree tree = configArguments.tree();
            ModelConfig model = configArguments.bind(tree).model();
            if (model == null) {
                throw new IllegalArgumentException(configArguments.describe() + " has no 'model' section");
            }
            TensorShape inputShape = input != null ? TensorShape.parse(input)
                    : model.backbone() == null ? TensorShape.of(1, 400, 100)
                    : TensorShape.of(1, 3, 16, 112, 112);
            if (!inputShape.isFullyKnown()) {
                throw new IllegalArgumentException("--input must give every size, got " + inputShape);
            }
            TensorBudget.ofThisMachine().check("--input", inputShape.dims(), 4);
            Map<String, TensorShape> shapes = new LinkedHashMap<>();
            shapes.put(ModelComposer.INPUT, inputShape);
            if (model.has(ModelConfig.Task.DETECTION)) {
                shapes.put(ModelComposer.ROIS, TensorShape.of(rois, 5));
            }
            ModelSummary summary;
            try (ComposedModel composed = ModelComposer.compose(model, inputShape, 0)) {
                summary = ModelSummarizer.summarize(composed, shapes);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(tree, model, summary)));
            } else {
                printText(out, tree.mainSource(), model, summary);
            }
            out.flush();
            return 0;
        }

        /** {@code recognition}, or {@code recognition+detection} for a model with two heads. */
        private static String tasks(ModelConfig model) {
            return model.tasks().stream().map(task -> task.name().toLowerCase(Locale.ROOT))
                    .collect(java.util.stream.Collectors.joining("+"));
        }

        private void printText(PrintWriter out, String source, ModelConfig model, ModelSummary summary) {
            out.println("Model: " + source + " (" + tasks(model) + ")");
            summary.inputs().forEach((name, shape) -> out.println("Input: " + name + " " + shape));
            if (!noLayers) {
                int width = Math.max(40, summary.layers().stream().mapToInt(l -> l.name().length()).max().orElse(0) + 2);
                out.printf("%n%-" + width + "s %-16s %-20s %12s %16s%n", "LAYER", "OP", "OUTPUT SHAPE", "PARAMS", "MACS");
                for (LayerSummary layer : summary.layers()) {
                    out.printf("%-" + width + "s %-16s %-20s %,12d %,16d%n", layer.name(), layer.op(),
                            layer.outputShape(), layer.parameters(), layer.macs());
                }
                out.println();
            }
            summary.outputs().forEach((name, shape) -> out.println("Output: " + name + " " + shape));
            out.printf("Parameters: %,d trainable, %,d non-trainable values (batch-norm running statistics, constants)%n",
                    summary.parameters(), summary.buffers());
            out.printf("Compute for this input: %.2f GMACs = %.2f GFLOPs (convolutions and matrix products)%n",
                    summary.macs() / 1e9, summary.flops() / 1e9);
        }

        private ObjectNode toJson(ConfigTree tree, ModelConfig model, ModelSummary summary) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("config", tree.mainSource());
            root.put("task", tasks(model));
            ObjectNode inputs = root.putObject("inputs");
            summary.inputs().forEach((name, shape) -> inputs.put(name, shape.toString()));
            ObjectNode outputs = root.putObject("outputs");
            summary.outputs().forEach((name, shape) -> outputs.put(name, shape.toString()));
            root.put("parameters", summary.parameters());
            root.put("buffers", summary.buffers());
            root.put("macs", summary.macs());
            root.put("flops", summary.flops());
            if (!noLayers) {
                ArrayNode list = root.putArray("layers");
                for (LayerSummary layer : summary.layers()) {
                    list.addObject().put("name", layer.name()).put("op", layer.op())
                            .put("outputShape", layer.outputShape().toString())
                            .put("parameters", layer.parameters()).put("macs", layer.macs());
                }
            }
            return root;
        }
    }

    /** {@code action4j model run CONFIG --input X.npy --output Y.npy}: one forward pass on a NumPy array. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Builds the model for the input's shape, runs it once and writes the output as a NumPy .npy "
                    + "array (float32, C order), to compare with other tools.",
                    "Without --checkpoint the parameters keep their seeded initial values."})
    static final class Run implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ConfigArguments configArguments;

        @Mixin
        CheckpointArguments checkpointArguments;

        @Option(names = "--input", required = true, paramLabel = "X.npy",
                description = "The input tensor: float32, NCTHW for recognition, N x C x T for localization.")
        Path input;

        @Option(names = "--rois", paramLabel = "R.npy", description = "Detection only: boxes, float32 R x 5.")
        Path rois;

        @Option(names = "--output", required = true, paramLabel = "Y.npy", description = "Where to write the output.")
        Path output;

        @Option(names = "--output-name", paramLabel = "NAME",
                description = "Which model output to write (default: the first, e.g. cls_score).")
        String outputName;

        @Option(names = "--seed", defaultValue = "0", description = "Seed of the initial parameter values (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() throws Exception {
            Outputs.check(output);
            ModelConfig model = configArguments.bind(configArguments.tree()).model();
            if (model == null) {
                throw new IllegalArgumentException(configArguments.describe() + " has no 'model' section");
            }
            NpyFiles.FloatArray x = NpyFiles.readFloat32(input);
            Map<String, INDArray> inputs = new LinkedHashMap<>();
            inputs.put(ModelComposer.INPUT, Nd4j.create(x.values(), x.shape(), 'c'));
            if (model.has(ModelConfig.Task.DETECTION)) {
                if (rois == null) {
                    throw new IllegalArgumentException("a detection model needs --rois R.npy (R x 5: batch index, x1, y1, x2, y2)");
                }
                NpyFiles.FloatArray boxes = NpyFiles.readFloat32(rois);
                inputs.put(ModelComposer.ROIS, Nd4j.create(boxes.values(), boxes.shape(), 'c'));
            }
            INDArray result;
            String name;
            LoadReport report;
            checkpointArguments.warnIfNone(spec.commandLine().getErr(), "so the output is an untrained model's");
            try (ComposedModel composed = ModelComposer.compose(model, TensorShape.of(x.shape()), seed)) {
                report = checkpointArguments.loadInto(composed);
                name = outputName != null ? outputName : composed.outputs().keySet().iterator().next();
                if (!composed.outputs().containsKey(name)) {
                    throw new IllegalArgumentException("no output '" + name + "'; the model has " + composed.outputs().keySet());
                }
                result = composed.run(inputs).get(name).dup();
            }
            NpyFiles.writeFloat32(output, result.data().asFloat(), result.shape());
            PrintWriter out = spec.commandLine().getOut();
            if (report != null) {
                out.println(report.describe());
            }
            out.println("wrote " + output + ": " + name + " float32 " + TensorShape.of(result.shape()));
            out.flush();
            return 0;
        }
    }
}
