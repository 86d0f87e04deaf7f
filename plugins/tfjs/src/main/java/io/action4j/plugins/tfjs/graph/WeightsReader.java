package io.action4j.plugins.tfjs.graph;

import io.action4j.plugins.tfjs.graph.ModelJson.Quantization;
import io.action4j.plugins.tfjs.graph.ModelJson.WeightGroup;
import io.action4j.plugins.tfjs.graph.ModelJson.WeightSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the weight shards a model.json's {@code weightsManifest} names into {@link ConstantTensor}s.
 * Every size is checked against the manifest before anything is read: a shard that is missing, or shorter
 * than its weights need, is an error naming the file; nothing in the files is ever executed.
 */
final class WeightsReader {

    /** Bounds one weight, so that a hostile manifest cannot ask for an absurd allocation. */
    static final long MAX_ELEMENTS = 1L << 28;

    private WeightsReader() {
    }

    /** @return every weight by name, in manifest order */
    static Map<String, ConstantTensor> read(Path modelJson, List<WeightGroup> manifest) {
        Map<String, ConstantTensor> weights = new LinkedHashMap<>();
        if (manifest == null) {
            return weights;
        }
        Path folder = modelJson.toAbsolutePath().getParent();
        for (WeightGroup group : manifest) {
            List<WeightSpec> specs = group.weights() == null ? List.of() : group.weights();
            List<Path> shards = shardPaths(modelJson, folder, group);
            long needed = 0;
            for (WeightSpec spec : specs) {
                needed = Math.addExact(needed, byteCount(modelJson, spec));
            }
            ByteBuffer bytes = readShards(shards, needed);
            for (WeightSpec spec : specs) {
                weights.put(spec.name(), decode(modelJson, spec, bytes));
            }
        }
        return weights;
    }

    private static List<Path> shardPaths(Path modelJson, Path folder, WeightGroup group) {
        if (group.paths() == null || group.paths().isEmpty()) {
            throw new TfjsModelException(modelJson + ": a weightsManifest group names no paths");
        }
        List<Path> shards = new ArrayList<>();
        for (String name : group.paths()) {
            Path shard = folder.resolve(name).normalize();
            // Shards live beside model.json: a manifest must not make us read elsewhere.
            if (!shard.startsWith(folder) || name.contains("://")) {
                throw new TfjsModelException(modelJson + ": weight path '" + name + "' leaves the model's folder");
            }
            shards.add(shard);
        }
        return shards;
    }

    private static ByteBuffer readShards(List<Path> shards, long needed) {
        if (needed > Integer.MAX_VALUE) {
            throw new TfjsModelException(shards.get(0) + ": weights of " + needed + " bytes are more than one "
                    + "group can hold here");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) needed).order(ByteOrder.LITTLE_ENDIAN);
        long available = 0;
        for (Path shard : shards) {
            try (FileChannel channel = FileChannel.open(shard, StandardOpenOption.READ)) {
                available += channel.size();
                while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                    // read on until the shard or the buffer ends
                }
            } catch (NoSuchFileException e) {
                throw new TfjsModelException("weights file missing: " + shard);
            } catch (IOException e) {
                throw new TfjsModelException("cannot read weights file " + shard + ": " + e.getMessage(), e);
            }
        }
        if (available < needed) {
            throw new TfjsModelException("weights file truncated: " + String.join(", ", shards.stream()
                    .map(Path::toString).toList()) + " hold " + available + " bytes, the manifest needs " + needed);
        }
        return buffer.flip();
    }

    private static long byteCount(Path modelJson, WeightSpec spec) {
        return Math.multiplyExact(elements(modelJson, spec), bytesPerElement(modelJson, spec));
    }

    private static long elements(Path modelJson, WeightSpec spec) {
        if (spec.name() == null || spec.shape() == null) {
            throw new TfjsModelException(modelJson + ": a weight lacks its name or shape");
        }
        long count = 1;
        for (Long dimension : spec.shape()) {
            if (dimension == null || dimension < 0) {
                throw new TfjsModelException(modelJson + ": weight " + spec.name() + " has shape " + spec.shape());
            }
            count = Math.multiplyExact(count, dimension);
        }
        if (count > MAX_ELEMENTS) {
            throw new TfjsModelException(modelJson + ": weight " + spec.name() + " has " + count
                    + " elements, more than " + MAX_ELEMENTS);
        }
        return count;
    }

    private static int bytesPerElement(Path modelJson, WeightSpec spec) {
        Quantization quantization = spec.quantization();
        String stored = quantization != null ? quantization.dtype() : spec.dtype();
        if (stored == null) {
            throw new TfjsModelException(modelJson + ": weight " + spec.name() + " has no dtype");
        }
        return switch (stored) {
            case "float32", "int32" -> 4;
            case "float16", "uint16" -> 2;
            case "uint8" -> 1;
            default -> throw new TfjsModelException(modelJson + ": weight " + spec.name() + " is stored as "
                    + stored + "; supported: float32, int32, float16, uint8, uint16");
        };
    }

    private static ConstantTensor decode(Path modelJson, WeightSpec spec, ByteBuffer bytes) {
        int count = (int) elements(modelJson, spec);
        long[] shape = spec.shape().stream().mapToLong(Long::longValue).toArray();
        Quantization quantization = spec.quantization();
        if ("int32".equals(spec.dtype()) && quantization == null) {
            int[] values = new int[count];
            bytes.asIntBuffer().get(values);
            bytes.position(bytes.position() + 4 * count);
            return ConstantTensor.ofInts(shape, values);
        }
        if (!"float32".equals(spec.dtype()) && !"int32".equals(spec.dtype())) {
            throw new TfjsModelException(modelJson + ": weight " + spec.name() + " has dtype " + spec.dtype()
                    + "; supported: float32, int32");
        }
        float[] values = new float[count];
        if (quantization == null) {
            bytes.asFloatBuffer().get(values);
            bytes.position(bytes.position() + 4 * count);
        } else if ("float16".equals(quantization.dtype())) {
            for (int i = 0; i < count; i++) {
                values[i] = Float16.toFloat(bytes.getShort() & 0xffff);
            }
        } else {
            dequantizeAffine(modelJson, spec, bytes, values);
        }
        if ("int32".equals(spec.dtype())) {
            int[] integers = new int[count];
            for (int i = 0; i < count; i++) {
                integers[i] = Math.round(values[i]);
            }
            return ConstantTensor.ofInts(shape, integers);
        }
        return ConstantTensor.ofFloats(shape, values);
    }

    /** tfjs's {@code uint8}/{@code uint16} quantization: {@code value = q * scale + min}. */
    private static void dequantizeAffine(Path modelJson, WeightSpec spec, ByteBuffer bytes, float[] values) {
        Quantization quantization = spec.quantization();
        if (quantization.scale() == null || quantization.min() == null) {
            throw new TfjsModelException(modelJson + ": weight " + spec.name() + " is quantized to "
                    + quantization.dtype() + " without scale and min");
        }
        double scale = quantization.scale();
        double min = quantization.min();
        boolean bytesOnly = "uint8".equals(quantization.dtype());
        for (int i = 0; i < values.length; i++) {
            int quantized = bytesOnly ? bytes.get() & 0xff : bytes.getShort() & 0xffff;
            values[i] = (float) (quantized * scale + min);
        }
    }
}
