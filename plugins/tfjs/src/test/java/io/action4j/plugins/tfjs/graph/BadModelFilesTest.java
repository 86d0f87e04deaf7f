package io.action4j.plugins.tfjs.graph;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Broken or hostile model files are refused with a message naming the file or the node, never a native crash. */
class BadModelFilesTest {

    @TempDir
    Path folder;

    @Test
    void missingModelJsonIsNamed() {
        Path missing = folder.resolve("model.json");

        assertThatThrownBy(() -> TfjsGraphModel.load(missing))
                .isInstanceOf(TfjsModelException.class)
                .hasMessage("model file missing: " + missing);
    }

    @Test
    void malformedJsonNamesTheFile() throws IOException {
        Path modelJson = Files.writeString(folder.resolve("model.json"), "{\"format\": \"graph-model\", \"modelTo");

        assertThatThrownBy(() -> TfjsGraphModel.load(modelJson))
                .isInstanceOf(TfjsModelException.class)
                .hasMessageStartingWith("model file invalid: " + modelJson);
    }

    @Test
    void jsonWithoutAGraphNamesWhatIsMissing() throws IOException {
        Path modelJson = Files.writeString(folder.resolve("model.json"), "{\"format\": \"graph-model\"}");

        assertThatThrownBy(() -> TfjsGraphModel.load(modelJson))
                .isInstanceOf(TfjsModelException.class)
                .hasMessage("model file invalid: " + modelJson + " has no modelTopology.node list");
    }

    @Test
    void layersModelIsNotAGraphModel() throws IOException {
        Path modelJson = Files.writeString(folder.resolve("model.json"), "{\"format\": \"layers-model\"}");

        assertThatThrownBy(() -> TfjsGraphModel.load(modelJson))
                .isInstanceOf(TfjsModelException.class)
                .hasMessageContaining("is a layers-model, not a graph-model");
    }

    @Test
    void missingWeightsFileIsNamed() throws IOException {
        Path modelJson = TinyModel.copyTo(folder);
        Files.delete(folder.resolve("fp16-shard1of1.bin"));

        assertThatThrownBy(() -> TfjsGraphModel.load(modelJson))
                .isInstanceOf(TfjsModelException.class)
                .hasMessage("weights file missing: " + folder.resolve("fp16-shard1of1.bin"));
    }

    @Test
    void truncatedWeightsFileNamesItAndBothSizes() throws IOException {
        Path modelJson = TinyModel.copyTo(folder);
        Path shard = folder.resolve("fp32-shard2of2.bin");
        long size = Files.size(shard);
        try (FileChannel channel = FileChannel.open(shard, StandardOpenOption.WRITE)) {
            channel.truncate(size - 3);
        }

        Path first = folder.resolve("fp32-shard1of2.bin");
        long needed = Files.size(first) + size;

        assertThatThrownBy(() -> TfjsGraphModel.load(modelJson))
                .isInstanceOf(TfjsModelException.class)
                .hasMessage("weights file truncated: " + first + ", " + shard + " hold " + (needed - 3)
                        + " bytes, the manifest needs " + needed);
    }

    @Test
    void weightPathOutsideTheFolderIsRefused() throws IOException {
        Path modelJson = TinyModel.copyTo(folder);
        replace(modelJson, "\"uint8-shard1of1.bin\"", "\"../../etc/passwd\"");

        assertThatThrownBy(() -> TfjsGraphModel.load(modelJson))
                .isInstanceOf(TfjsModelException.class)
                .hasMessage(modelJson + ": weight path '../../etc/passwd' leaves the model's folder");
    }

    @Test
    void unknownOpNamesTheNodeAndTheOp() throws IOException {
        Path modelJson = TinyModel.copyTo(folder);
        replace(modelJson, "\"op\": \"Relu\"", "\"op\": \"Relu6\"");

        assertThatThrownBy(() -> TfjsGraphModel.load(modelJson))
                .isInstanceOf(TfjsModelException.class)
                .hasMessageStartingWith(modelJson + ": node 'relu': op Relu6 is not supported; supported ops: [");
    }

    @Test
    void unsupportedAttributeNamesTheNode() throws IOException {
        Path modelJson = TinyModel.copyTo(folder);
        // "VALID" -> "FULL" in base64: VkFMSUQ= -> RlVMTA==
        replace(modelJson, "VkFMSUQ=", "RlVMTA==");

        assertThatThrownBy(() -> TfjsGraphModel.load(modelJson))
                .isInstanceOf(TfjsModelException.class)
                .hasMessageContaining("node 'conv_valid' (Conv2D): attribute padding is FULL; supported: VALID, SAME, "
                        + "EXPLICIT");
    }

    @Test
    void unknownWeightDtypeNamesTheWeight() throws IOException {
        Path modelJson = TinyModel.copyTo(folder);
        replace(modelJson, "\"dtype\": \"float16\"", "\"dtype\": \"bfloat16\"");

        assertThatThrownBy(() -> TfjsGraphModel.load(modelJson))
                .isInstanceOf(TfjsModelException.class)
                .hasMessage(modelJson + ": weight w1 is stored as bfloat16; supported: float32, int32, float16, uint8, "
                        + "uint16");
    }

    @Test
    void inputOfTheWrongShapeIsRefusedBeforeItRuns() {
        TfjsGraphModel model = TfjsGraphModel.load(TinyModel.folder().resolve("model.json"));

        assertThatThrownBy(() -> model.run(Map.of("input", Nd4j.zeros(DataType.FLOAT, 1, 3, 8, 9))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input 'input' must have shape [1, 3, 8, 8], got [1, 3, 8, 9]");
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " has no " + from);
        }
        Files.writeString(file, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
    }
}
