package io.action4j.engine.checkpoint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensors of one checkpoint file, by their key in the file, in file order.
 *
 * @param tensors floating-point tensors, converted to float32: what weights are loaded from
 * @param integerTensors integer and boolean tensors (e.g. {@code num_batches_tracked})
 * @param metadata string metadata (safetensors' {@code __metadata__}); empty for PyTorch files
 */
public record StateDict(Map<String, TensorData> tensors, Map<String, IntegerTensor> integerTensors,
                        Map<String, String> metadata) {

    public StateDict {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        integerTensors = Collections.unmodifiableMap(new LinkedHashMap<>(integerTensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
