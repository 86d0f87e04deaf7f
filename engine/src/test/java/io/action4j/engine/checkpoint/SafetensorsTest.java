package io.action4j.engine.checkpoint;

import static io.action4j.engine.checkpoint.Fixtures.expected;
import static io.action4j.engine.checkpoint.Fixtures.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {

    @Test
    void readsWhatTheScriptWroteWithItsMetadata() {
        StateDict read = Safetensors.read(file("dtypes.safetensors"));

        assertThat(read.tensors().keySet()).containsExactly("f32", "f16", "bf16", "f64");
        TorchCheckpointsTest.assertMatchesExpected(read.tensors(), expected("dtypes"));
        assertThat(read.integerTensors().get("count").values()).containsExactly(7);
        assertThat(read.metadata()).containsExactly(Map.entry("source", "make_checkpoints.py"));
    }

    @Test
    void writeThenReadIsBitIdentical(@TempDir Path directory) {
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        tensors.put("a/conv.weight", new TensorData("a/conv.weight", new long[] {1, 2, 3},
                new float[] {-0f, Float.NaN, Float.MIN_VALUE, Float.MAX_VALUE, Float.NEGATIVE_INFINITY, 1e-3f}));
        tensors.put("scalar", new TensorData("scalar", new long[0], new float[] {42f}));
        tensors.put("empty", new TensorData("empty", new long[] {0, 4}, new float[0]));
        Path path = directory.resolve("t.safetensors");

        Safetensors.write(path, tensors, Map.of("config", "model:\n  backbone: {}\n", "note", "ünïcode"));
        StateDict read = Safetensors.read(path);

        assertThat(read.tensors()).containsExactlyEntriesOf(tensors);
        assertThat(Float.floatToRawIntBits(read.tensors().get("a/conv.weight").values()[0]))
                .isEqualTo(Float.floatToRawIntBits(-0f));
        assertThat(read.metadata()).containsEntry("config", "model:\n  backbone: {}\n").containsEntry("note", "ünïcode");
    }

    @Test
    void refusesOverlappingOutOfFileAndMisSizedTensors() {
        assertThatThrownBy(() -> Safetensors.read(file("overlapping.safetensors")))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("overlapping.safetensors: tensors 'f32' [0, 24] and 'f16' [4, 14] overlap");
        assertThatThrownBy(() -> Safetensors.read(file("out_of_file.safetensors")))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("out_of_file.safetensors: tensor 'f64'")
                .hasMessageContaining("fall outside the");
        assertThatThrownBy(() -> Safetensors.read(file("wrong_size.safetensors")))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("wrong_size.safetensors: tensor 'f32': F32 [2, 4] needs 32 bytes but data_offsets [0, 24] hold 24");
    }

    @Test
    void refusesAHeaderLengthTheFileCannotHold() {
        assertThatThrownBy(() -> Safetensors.read(file("huge_header.safetensors")))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("huge_header.safetensors: not a safetensors file: header length 1099511627776");
    }

    @Test
    void truncatedAndGarbageFilesNameTheFile(@TempDir Path directory) throws Exception {
        byte[] whole = Files.readAllBytes(file("dtypes.safetensors"));
        Path truncated = Files.write(directory.resolve("truncated.safetensors"), Arrays.copyOf(whole, whole.length - 10));
        Path garbage = Files.write(directory.resolve("garbage.safetensors"), "{\"a\": 1} not really".getBytes());

        assertThatThrownBy(() -> Safetensors.read(truncated))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("truncated.safetensors: tensor");
        assertThatThrownBy(() -> Safetensors.read(garbage))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("garbage.safetensors: not a safetensors file");
    }

    @Test
    void refusesDuplicateKeysAndBadHeaders(@TempDir Path directory) throws Exception {
        Path duplicate = writeRaw(directory.resolve("duplicate.safetensors"),
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                        + "\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4);
        Path badDtype = writeRaw(directory.resolve("dtype.safetensors"),
                "{\"w\":{\"dtype\":\"F8_E4M3\",\"shape\":[1],\"data_offsets\":[0,1]}}", 1);
        Path negative = writeRaw(directory.resolve("negative.safetensors"),
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4);

        assertThatThrownBy(() -> Safetensors.read(duplicate)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("duplicate.safetensors").hasMessageContaining("Duplicate field 'w'");
        assertThatThrownBy(() -> Safetensors.read(badDtype)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("dtype.safetensors: tensor 'w': unsupported dtype F8_E4M3");
        assertThatThrownBy(() -> Safetensors.read(negative)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("negative.safetensors: tensor 'w': shape must hold non-negative integers");
    }

    private static Path writeRaw(Path path, String header, int dataBytes) throws Exception {
        byte[] json = header.getBytes();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(8 + json.length + dataBytes)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(json.length).put(json);
        return Files.write(path, buffer.array());
    }

    @Test
    void checkpointFilesTellTheFormatsApartByContent() {
        assertThat(CheckpointFiles.read(file("dtypes.safetensors")).metadata()).containsKey("source");
        assertThat(CheckpointFiles.read(file("dtypes.pth")).tensors()).containsKey("f16");
        assertThatThrownBy(() -> CheckpointFiles.read(file("garbage.pth")))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("garbage.pth");
    }

    @Test
    void aBrokenFileNamedSafetensorsIsToldWhatIsWrongWithItAsOne(@TempDir Path directory) throws Exception {
        Path tiny = Files.write(directory.resolve("tiny.safetensors"), new byte[] {'a', 'b', 'c'});
        Path absurd = directory.resolve("absurd.safetensors");
        Files.write(absurd, java.nio.ByteBuffer.allocate(10).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putLong(1_000_000_000_000_000L).put((byte) '{').put((byte) '}').array());

        assertThatThrownBy(() -> CheckpointFiles.read(tiny)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining(tiny.toString()).hasMessageContaining("not a safetensors file")
                .hasMessageNotContaining("PyTorch");
        assertThatThrownBy(() -> CheckpointFiles.read(absurd)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining(absurd.toString()).hasMessageContaining("header length")
                .hasMessageNotContaining("PyTorch");
    }
}
