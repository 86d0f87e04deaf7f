package io.action4j.engine.checkpoint;

import static io.action4j.engine.checkpoint.Fixtures.expected;
import static io.action4j.engine.checkpoint.Fixtures.file;
import static io.action4j.engine.checkpoint.Fixtures.floats;
import static io.action4j.engine.checkpoint.Fixtures.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchCheckpointsTest {

    @Test
    void readsEveryFloatDtypeAsExactFloat32AndKeepsIntegersApart() {
        StateDict read = TorchCheckpoints.read(file("dtypes.pth"));

        assertThat(read.tensors()).containsOnlyKeys("f32", "f16", "bf16", "f64");
        assertMatchesExpected(read.tensors(), expected("dtypes"));
        assertThat(read.tensors().get("f16").values()[3]).isEqualTo(1.1920929E-7f); // a float16 subnormal
        assertThat(read.tensors().get("f16").values()[4]).isEqualTo(Float.POSITIVE_INFINITY);
        IntegerTensor count = read.integerTensors().get("count");
        assertThat(count.shape()).isEmpty();
        assertThat(count.values()).containsExactly(7);
    }

    @Test
    void resolvesOffsetsStridesAndSharedStorage() {
        StateDict read = TorchCheckpoints.read(file("views.pth"));

        assertThat(read.tensors().keySet()).containsExactly("base", "transposed", "sliced", "row2", "broadcast");
        assertMatchesExpected(read.tensors(), expected("views"));
        assertThat(read.tensors().get("transposed").values()).startsWith(0f, 4f, 8f, 1f);
        assertThat(read.tensors().get("broadcast").values()).containsExactly(0f, 1f, 2f, 0f, 1f, 2f);
    }

    @Test
    void handMadeArchiveAgreesWithTorchLoad() {
        // storage [1, 2, 3, 4], offset 1, size 2, stride 2: torch.load gives [2, 4].
        assertThat(TorchCheckpoints.read(file("crafted_ok.pth")).tensors().get("w").values()).containsExactly(2f, 4f);
    }

    @Test
    void takesTheStateDictOfAnMmaction2CheckpointAndSkipsMetaAndOptimizer() {
        StateDict read = TorchCheckpoints.read(file("mmaction2_style.pth"));
        JsonNode expected = expected("mmaction2_style");

        List<String> keys = new java.util.ArrayList<>(read.tensors().keySet());
        keys.addAll(read.integerTensors().keySet());
        assertThat(keys).containsExactlyInAnyOrderElementsOf(strings(expected.get("keys")));
        TensorData conv = read.tensors().get("backbone.conv.weight");
        assertThat(conv.shape()).containsExactly(longs(expected.get("conv_weight").get("shape")));
        assertThat(conv.values()).containsExactly(floats(expected.get("conv_weight").get("values")));
        assertThat(read.tensors().keySet()).containsExactly("backbone.conv.weight", "backbone.bn.weight",
                "backbone.bn.bias", "backbone.bn.running_mean", "backbone.bn.running_var", "cls_head.fc.weight",
                "cls_head.fc.bias");
    }

    @Test
    void acceptsTheMetadataOfAModuleStateDict() {
        // nn.Module.state_dict() carries _metadata, set on the OrderedDict by BUILD.
        StateDict read = TorchCheckpoints.read(file("torchvision_style.pth"));

        assertThat(read.tensors()).containsKey("layer1.0.downsample.0.weight");
        assertThat(read.integerTensors()).containsKey("stem.1.num_batches_tracked");
    }

    @Test
    void refusesAReduceToOsSystemNamingTheGlobal() {
        Path malicious = file("malicious_os_system.pth");
        assertThatThrownBy(() -> TorchCheckpoints.read(malicious))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining(malicious.toString())
                .hasMessageContaining("refused pickle global 'posix.system'")
                .hasMessageContaining("nothing was executed");
    }

    @Test
    void refusesEvalNamedThroughStackGlobal() {
        assertThatThrownBy(() -> TorchCheckpoints.read(file("malicious_eval.pth")))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("malicious_eval.pth")
                .hasMessageContaining("'builtins.eval'");
    }

    @Test
    void refusesNumpyArraysEvenOutsideTheStateDict() {
        assertThatThrownBy(() -> TorchCheckpoints.read(file("numpy_array_meta.pth")))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("numpy_array_meta.pth")
                .hasMessageContaining("'numpy.core.multiarray._reconstruct'")
                .hasMessageContaining("torch.save(ckpt['state_dict'], path)");
    }

    @Test
    void refusesTheLegacyFormatSayingHowToConvert() {
        assertThatThrownBy(() -> TorchCheckpoints.read(file("legacy.pth")))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("legacy.pth")
                .hasMessageContaining("re-save it with a newer torch");
    }

    @Test
    void truncatedAndGarbageFilesGiveClearErrors() {
        assertThatThrownBy(() -> TorchCheckpoints.read(file("truncated.pth")))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("truncated.pth")
                .hasMessageContaining("truncated or corrupt");
        assertThatThrownBy(() -> TorchCheckpoints.read(file("garbage.pth")))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("garbage.pth")
                .hasMessageContaining("not a PyTorch checkpoint");
    }

    @Test
    void missingAndEmptyFilesNameTheFile(@TempDir Path directory) throws Exception {
        Path empty = java.nio.file.Files.createFile(directory.resolve("empty.pth"));
        assertThatThrownBy(() -> TorchCheckpoints.read(directory.resolve("absent.pth")))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("absent.pth");
        assertThatThrownBy(() -> TorchCheckpoints.read(empty))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("empty.pth").hasMessageContaining("empty");
    }

    @Test
    void sizesTheFileCannotBackAreRefusedBeforeAllocating() {
        assertThatThrownBy(() -> TorchCheckpoints.read(file("storage_exceeds_entry.pth")))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("storage_exceeds_entry.pth: tensor 'w'")
                .hasMessageContaining("claims 1000 F32 elements (4000 bytes) but its entry holds 16 bytes");
        assertThatThrownBy(() -> TorchCheckpoints.read(file("view_outside_storage.pth")))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("view_outside_storage.pth: tensor 'w'")
                .hasMessageContaining("reaches element 4 of a storage of 4 elements");
        assertThatThrownBy(() -> TorchCheckpoints.read(file("shape_overflow.pth")))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("shape_overflow.pth: tensor 'w'")
                .hasMessageContaining("[1099511627776, 1099511627776]");
        assertThatThrownBy(() -> TorchCheckpoints.read(file("missing_storage.pth")))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("missing_storage.pth: tensor 'w': storage entry missing_storage/data/7 is missing");
    }

    static void assertMatchesExpected(Map<String, TensorData> tensors, JsonNode expected) {
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            TensorData tensor = tensors.get(field.getKey());
            if (tensor == null) {
                continue;
            }
            assertThat(tensor.shape()).as(field.getKey()).containsExactly(longs(field.getValue().get("shape")));
            assertThat(tensor.values()).as(field.getKey()).containsExactly(floats(field.getValue().get("values")));
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new java.util.ArrayList<>();
        array.forEach(node -> strings.add(node.asText()));
        return strings;
    }
}
