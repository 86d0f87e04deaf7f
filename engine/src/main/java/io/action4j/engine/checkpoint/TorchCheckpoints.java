package io.action4j.engine.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the tensors of a PyTorch checkpoint ({@code .pth}/{@code .pt}, the zip format of torch
 * >= 1.6) without Python and without executing anything the file names.
 *
 * <p>What is accepted:
 * <ul>
 *   <li>the top level is a bare state dict (a dict or OrderedDict of tensors, torchvision's files), or a
 *       dict whose {@code state_dict} (MMAction2 / MMEngine) or else {@code model} entry is one;</li>
 *   <li>tensors of any dtype, views with storage offsets and strides (stride 0 included) and
 *       storages shared between tensors; parameters saved as {@code nn.Parameter};</li>
 *   <li>beside the state dict, any plain values (str, numbers, lists, dicts, bytes, other tensors such
 *       as optimizer state) and numpy scalars in metadata: they are parsed but not read.</li>
 * </ul>
 * What is refused, naming the file: any pickle global outside {@link PickleGlobals} anywhere in the
 * file (so a whole MMEngine training checkpoint with {@code message_hub} history buffers or numpy
 * arrays is refused: re-save its {@code state_dict}), non-tensor entries in the state dict, the
 * legacy pre-1.6 format, big-endian files, and every size the file cannot back.
 */
public final class TorchCheckpoints {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** torch's legacy format starts by pickling this magic number (protocol 2, LONG1). */
    private static final byte[] LEGACY_MAGIC = {(byte) 0x80, 0x02, (byte) 0x8a, 0x0a, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46,
            (byte) 0xf9, 0x20, 0x6a, (byte) 0xa8, 0x50, 0x19};

    private TorchCheckpoints() {
    }

    /** The state dict of {@code file}: floating tensors as float32, integer tensors apart. */
    public static StateDict read(Path file) {
        long fileSize = checkFormat(file);
        try (TorchArchive archive = TorchArchive.open(file, fileSize)) {
            Object top = new RestrictedUnpickler(archive.pickleSource()).read(archive.readPickle());
            Map<?, ?> stateDict = selectStateDict(file, top);
            return materialize(file, archive, stateDict);
        }
    }

    private static long checkFormat(Path file) {
        byte[] head;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            head = in.readNBytes(LEGACY_MAGIC.length);
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read: " + e, e);
        }
        if (startsWith(head, ZIP_MAGIC)) {
            return size;
        }
        if (startsWith(head, LEGACY_MAGIC)) {
            throw new CheckpointException(file + ": legacy PyTorch format (torch < 1.6, or saved with "
                    + "_use_new_zipfile_serialization=False), which is not supported: re-save it with a newer torch, "
                    + "e.g. torch.save(torch.load(path), new_path)");
        }
        if (head.length > 0 && (head[0] & 0xff) == 0x80) {
            throw new CheckpointException(file + ": a bare pickle, not a PyTorch zip checkpoint; re-save it with torch.save");
        }
        throw new CheckpointException(file + ": not a PyTorch checkpoint (no zip header; "
                + (size == 0 ? "the file is empty)" : "starts with " + hex(head) + ")"));
    }

    private static Map<?, ?> selectStateDict(Path file, Object top) {
        if (!(top instanceof Map<?, ?> map)) {
            throw new CheckpointException(file + ": holds a " + PickleGlobals.describe(top) + ", not a dict of tensors");
        }
        for (String container : List.of("state_dict", "model")) {
            if (map.get(container) instanceof Map<?, ?> nested) {
                return nested;
            }
        }
        if (map.values().stream().allMatch(v -> v instanceof PickledTensor)) {
            return map;
        }
        throw new CheckpointException(file + ": neither a state dict nor a dict with a 'state_dict' or 'model' entry; "
                + "top-level keys: " + map.keySet());
    }

    private static StateDict materialize(Path file, TorchArchive archive, Map<?, ?> stateDict) {
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        Map<String, IntegerTensor> integerTensors = new LinkedHashMap<>();
        Map<String, ByteBuffer> storages = new HashMap<>();
        for (Map.Entry<?, ?> entry : stateDict.entrySet()) {
            if (!(entry.getKey() instanceof String name)) {
                throw new CheckpointException(file + ": state dict key " + entry.getKey() + " is not a string");
            }
            if (!(entry.getValue() instanceof PickledTensor tensor)) {
                throw new CheckpointException(file + ": state dict entry '" + name + "' is a "
                        + PickleGlobals.describe(entry.getValue()) + ", not a tensor");
            }
            PickledStorage storage = tensor.storage();
            ByteBuffer bytes = storages.computeIfAbsent(storage.key(), key -> archive.readStorage(storage, name));
            int count = StridedView.checkedCount(file + ": tensor '" + name + "'", tensor, storage.numel());
            ElementType type = storage.type();
            if (type.floating()) {
                float[] values = new float[count];
                StridedView.forEach(tensor, count, (i, at) -> values[i] = type.floatAt(bytes, at));
                tensors.put(name, new TensorData(name, tensor.size(), values));
            } else {
                long[] values = new long[count];
                StridedView.forEach(tensor, count, (i, at) -> values[i] = type.longAt(bytes, at));
                integerTensors.put(name, new IntegerTensor(name, tensor.size(), values));
            }
        }
        return new StateDict(tensors, integerTensors, Map.of());
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 8); i++) {
            text.append(String.format("%02x", bytes[i] & 0xff));
        }
        return text.toString();
    }
}
