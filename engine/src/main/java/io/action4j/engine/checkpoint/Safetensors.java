package io.action4j.engine.checkpoint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.action4j.api.io.AtomicFiles;
import io.action4j.api.io.FileMessages;
import io.action4j.registry.config.JsonMessages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format (https://github.com/huggingface/safetensors): an 8-byte little-endian
 * header length, a JSON header mapping each tensor name to {@code dtype}, {@code shape} and
 * {@code data_offsets} (relative to the end of the header) plus an optional {@code __metadata__}
 * string map, then the little-endian data. Reading validates the header before allocating:
 * bounded header length, known dtypes, offsets inside the file and not overlapping, sizes equal
 * to dtype size times element count.
 */
public final class Safetensors {

    /** The reference implementation's limit. */
    static final long MAX_HEADER_BYTES = 100L << 20;
    static final String METADATA = "__metadata__";

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Safetensors() {
    }

    /** Every tensor of {@code file}: floating dtypes as float32, integer and boolean dtypes apart. */
    public static StateDict read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            long headerLength = readHeaderLength(file, channel, fileSize);
            ByteBuffer headerBytes = readFully(file, channel, 8, (int) headerLength, "header");
            JsonNode header = parseHeader(file, headerBytes);
            long dataStart = 8 + headerLength;
            List<Entry> entries = entries(file, header, fileSize - dataStart);
            Map<String, TensorData> tensors = new LinkedHashMap<>();
            Map<String, IntegerTensor> integerTensors = new LinkedHashMap<>();
            for (Entry entry : entries) {
                ByteBuffer data = readFully(file, channel, dataStart + entry.begin, (int) (entry.end - entry.begin),
                        "tensor '" + entry.name + "'");
                if (entry.type.floating()) {
                    float[] values = new float[(int) entry.count];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = entry.type.floatAt(data, i);
                    }
                    tensors.put(entry.name, new TensorData(entry.name, entry.shape, values));
                } else {
                    long[] values = new long[(int) entry.count];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = entry.type.longAt(data, i);
                    }
                    integerTensors.put(entry.name, new IntegerTensor(entry.name, entry.shape, values));
                }
            }
            return new StateDict(tensors, integerTensors, metadata(file, header));
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read: " + e, e);
        }
    }

    /**
     * Writes {@code tensors} as F32 in map order, with {@code metadata} as {@code __metadata__}.
     * Writes {@code file} directly; see {@link ModelCheckpoint} for an atomic save.
     */
    public static void write(Path file, Map<String, TensorData> tensors, Map<String, String> metadata) {
        try {
            writeTo(file, tensors, metadata);
        } catch (IOException e) {
            throw new CheckpointException(FileMessages.about(file, e).getMessage(), e);
        }
    }

    /** {@link #write} as the content of an {@link AtomicFiles} write: its failures name the target, not a temporary. */
    public static AtomicFiles.Content content(Map<String, TensorData> tensors, Map<String, String> metadata) {
        return temporary -> writeTo(temporary, tensors, metadata);
    }

    private static void writeTo(Path file, Map<String, TensorData> tensors, Map<String, String> metadata)
            throws IOException {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject(METADATA);
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, TensorData> entry : tensors.entrySet()) {
            if (entry.getKey().equals(METADATA)) {
                throw new CheckpointException(file + ": a tensor cannot be named " + METADATA);
            }
            TensorData tensor = entry.getValue();
            ObjectNode node = header.putObject(entry.getKey());
            node.put("dtype", ElementType.F32.name());
            ArrayNode shape = node.putArray("shape");
            Arrays.stream(tensor.shape()).forEach(shape::add);
            long end = offset + (long) tensor.values().length * Float.BYTES;
            node.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new CheckpointException(file + ": cannot encode the header: " + e.getMessage(), e);
        }
        // Pad with spaces so the data starts 8-byte aligned, as the reference writer does.
        int padded = (json.length + 7) / 8 * 8;
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
            out.write(prefix.array());
            out.write(json);
            out.write(" ".repeat(padded - json.length).getBytes(StandardCharsets.US_ASCII));
            for (TensorData tensor : tensors.values()) {
                writeFloats(out, tensor.values());
            }
        }
    }

    private static void writeFloats(OutputStream out, float[] values) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            if (!chunk.hasRemaining()) {
                out.write(chunk.array(), 0, chunk.position());
                chunk.clear();
            }
            chunk.putFloat(value);
        }
        out.write(chunk.array(), 0, chunk.position());
    }

    private static long readHeaderLength(Path file, FileChannel channel, long fileSize) throws IOException {
        if (fileSize < 8) {
            throw new CheckpointException(file + ": not a safetensors file: " + fileSize + " bytes, shorter than the header length");
        }
        long length = readFully(file, channel, 0, 8, "header length").order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (length < 2 || length > MAX_HEADER_BYTES || length > fileSize - 8) {
            throw new CheckpointException(file + ": not a safetensors file: header length " + Long.toUnsignedString(length)
                    + " is outside 2.." + Math.min(MAX_HEADER_BYTES, fileSize - 8) + " (file of " + fileSize + " bytes)");
        }
        return length;
    }

    private static JsonNode parseHeader(Path file, ByteBuffer bytes) {
        JsonNode header;
        try {
            header = JSON.readTree(bytes.array());
        } catch (JsonProcessingException e) {
            throw new CheckpointException(file + ": safetensors header is not valid JSON: " + JsonMessages.problem(e), e);
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read the safetensors header: " + e.getMessage(), e);
        }
        if (header == null || !header.isObject()) {
            throw new CheckpointException(file + ": safetensors header is not a JSON object");
        }
        return header;
    }

    private record Entry(String name, ElementType type, long[] shape, long count, long begin, long end) {
    }

    private static List<Entry> entries(Path file, JsonNode header, long dataLength) {
        List<Entry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals(METADATA)) {
                entries.add(entry(file, field.getKey(), field.getValue(), dataLength));
            }
        }
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        for (int i = 1; i < byOffset.size(); i++) {
            Entry previous = byOffset.get(i - 1);
            Entry current = byOffset.get(i);
            if (current.begin < previous.end) {
                throw new CheckpointException(file + ": tensors '" + previous.name + "' " + range(previous) + " and '"
                        + current.name + "' " + range(current) + " overlap");
            }
        }
        return entries;
    }

    private static Entry entry(Path file, String name, JsonNode node, long dataLength) {
        String what = file + ": tensor '" + name + "'";
        if (!node.isObject() || !node.path("dtype").isTextual() || !node.path("shape").isArray()
                || !node.path("data_offsets").isArray() || node.path("data_offsets").size() != 2) {
            throw new CheckpointException(what + ": needs dtype, shape and two data_offsets, got " + node);
        }
        ElementType type = ElementType.ofSafetensors(node.get("dtype").asText()).orElseThrow(() ->
                new CheckpointException(what + ": unsupported dtype " + node.get("dtype").asText()));
        long[] shape = new long[node.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = nonNegativeLong(what, "shape", node.get("shape").get(i));
        }
        long begin = nonNegativeLong(what, "data_offsets", node.get("data_offsets").get(0));
        long end = nonNegativeLong(what, "data_offsets", node.get("data_offsets").get(1));
        if (begin > end || end > dataLength) {
            throw new CheckpointException(what + ": data_offsets [" + begin + ", " + end + "] fall outside the "
                    + dataLength + " data bytes of the file");
        }
        long count;
        long bytes;
        try {
            count = TensorData.elementCount(name, shape);
            bytes = Math.multiplyExact(count, (long) type.size());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CheckpointException(what + ": shape " + Arrays.toString(shape) + " is too large");
        }
        if (bytes != end - begin) {
            throw new CheckpointException(what + ": " + type + " " + Arrays.toString(shape) + " needs " + bytes
                    + " bytes but data_offsets [" + begin + ", " + end + "] hold " + (end - begin));
        }
        if (bytes > TorchArchive.MAX_ARRAY) {
            throw new CheckpointException(what + ": " + bytes + " bytes; tensors over 2 GiB are not supported");
        }
        return new Entry(name, type, shape, count, begin, end);
    }

    private static long nonNegativeLong(String what, String field, JsonNode value) {
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0) {
            throw new CheckpointException(what + ": " + field + " must hold non-negative integers, got " + value);
        }
        return value.asLong();
    }

    private static String range(Entry entry) {
        return "[" + entry.begin + ", " + entry.end + "]";
    }

    private static Map<String, String> metadata(Path file, JsonNode header) {
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode node = header.get(METADATA);
        if (node == null) {
            return metadata;
        }
        if (!node.isObject()) {
            throw new CheckpointException(file + ": " + METADATA + " must be an object of strings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isTextual()) {
                throw new CheckpointException(file + ": " + METADATA + " entry '" + field.getKey() + "' is not a string");
            }
            metadata.put(field.getKey(), field.getValue().asText());
        }
        return metadata;
    }

    private static ByteBuffer readFully(Path file, FileChannel channel, long position, int length, String what)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new CheckpointException(file + ": " + what + " is truncated");
            }
        }
        return buffer.flip();
    }

    /**
     * {@link #write}s {@code file} whole or not at all, forced to disk ({@link AtomicFiles#writeDurably}),
     * so that a reader (or an interrupted run) never sees a half-written checkpoint.
     *
     * @throws CheckpointException naming the file
     */
    public static void writeAtomically(Path file, Map<String, TensorData> weights, Map<String, String> metadata) {
        writeAtomically(List.of(new AtomicFiles.Part(file, content(weights, metadata))));
    }

    /**
     * Safetensors files that belong together (a checkpoint and its training state), each from {@link #content},
     * written by {@link AtomicFiles#writeDurablyTogether}: a failure while writing any of them leaves every
     * file as it was, never a new checkpoint beside an old training state.
     *
     * @throws CheckpointException naming the file that could not be written, and why
     */
    public static void writeAtomically(List<AtomicFiles.Part> files) {
        try {
            for (AtomicFiles.Part file : files) {
                Files.createDirectories(file.target().toAbsolutePath().getParent());
            }
            AtomicFiles.writeDurablyTogether(files);
        } catch (IOException e) {
            throw new CheckpointException(FileMessages.describe(e), e);
        }
    }
}
