package io.action4j.engine.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;

/**
 * The only pickle globals a checkpoint may name, each mapped to a Java stand-in that builds plain
 * data: nothing named in a file is ever looked up by reflection or executed.
 *
 * <p>Tensor globals are what {@code torch.save} (1.6 to 2.x) writes for a state dict. Metadata
 * globals are what MMAction2 / MMEngine put in {@code meta} besides plain values: numpy scalars
 * (e.g. {@code hook_msgs.best_score}), which protocol 2 spells as {@code numpy.core.multiarray.scalar}
 * over a {@code numpy.dtype} and {@code _codecs.encode}d bytes. They become {@link Inert} values that
 * the reader never reads and refuses inside the state dict.
 */
final class PickleGlobals {

    /** A value from a metadata global (a numpy scalar or dtype): kept opaque, never interpreted. */
    record Inert(String global) {
    }

    /** A {@code torch.XStorage} class, as it appears in a storage's persistent id. */
    record StorageClass(String global, ElementType type) {
    }

    /** {@code collections.OrderedDict}, and the dicts of the pickle: insertion-ordered. */
    static final class PickledDict extends LinkedHashMap<Object, Object> {
        private static final long serialVersionUID = 1L;
    }

    private static final Map<String, Object> ALLOWED = allowed();

    private PickleGlobals() {
    }

    /** What the pickle may name, for error messages. */
    static List<String> allowedNames() {
        return List.copyOf(ALLOWED.keySet());
    }

    /** The stand-in for {@code module.name}, or empty when the global is not allowed. */
    static Optional<Object> resolve(String module, String name) {
        return Optional.ofNullable(ALLOWED.get(module + "." + name));
    }

    private static Map<String, Object> allowed() {
        Map<String, Object> allowed = new LinkedHashMap<>();
        allowed.put("collections.OrderedDict", (IObjectConstructor) args -> {
            requireArgs("collections.OrderedDict", args, 0, 0);
            return new PickledDict();
        });
        allowed.put("torch._utils._rebuild_tensor_v2", (IObjectConstructor) PickleGlobals::rebuildTensor);
        // nn.Parameter (a state dict saved with keep_vars=True, or a bare module's parameters).
        allowed.put("torch._utils._rebuild_parameter", (IObjectConstructor) PickleGlobals::rebuildParameter);
        allowed.put("torch._utils._rebuild_parameter_with_state", (IObjectConstructor) PickleGlobals::rebuildParameter);
        for (ElementType type : ElementType.values()) {
            String global = "torch." + type.torchStorage();
            allowed.put(global, new StorageClass(global, type));
        }
        for (String global : List.of("numpy.core.multiarray.scalar", "numpy._core.multiarray.scalar", "numpy.dtype")) {
            allowed.put(global, (IObjectConstructor) args -> new Inert(global));
        }
        allowed.put("_codecs.encode", (IObjectConstructor) PickleGlobals::encode);
        return Collections.unmodifiableMap(allowed);
    }

    /** {@code _rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks[, metadata])}. */
    private static Object rebuildTensor(Object[] args) {
        requireArgs("torch._utils._rebuild_tensor_v2", args, 6, 7);
        if (!(args[0] instanceof PickledStorage storage)) {
            throw new PickleException("_rebuild_tensor_v2 expects a storage, got " + describe(args[0]));
        }
        return new PickledTensor(storage, toLong(args[1], "storage offset"), toLongs(args[2], "size"),
                toLongs(args[3], "stride"));
    }

    private static Object rebuildParameter(Object[] args) {
        requireArgs("torch._utils._rebuild_parameter", args, 3, 4);
        if (!(args[0] instanceof PickledTensor tensor)) {
            throw new PickleException("_rebuild_parameter expects a tensor, got " + describe(args[0]));
        }
        return tensor;
    }

    /** Protocol 2 writes {@code bytes} as {@code _codecs.encode(text, 'latin1')}. */
    private static Object encode(Object[] args) {
        requireArgs("_codecs.encode", args, 2, 2);
        if (!(args[0] instanceof String text) || !("latin1".equals(args[1]) || "latin-1".equals(args[1]))) {
            throw new PickleException("_codecs.encode is only accepted as encode(str, 'latin1')");
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void requireArgs(String global, Object[] args, int min, int max) {
        if (args == null || args.length < min || args.length > max) {
            throw new PickleException(global + " called with " + (args == null ? "no" : args.length)
                    + " arguments, expected " + (min == max ? min : min + " to " + max));
        }
    }

    static long toLong(Object value, String what) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        throw new PickleException(what + " must be an integer, got " + describe(value));
    }

    private static long[] toLongs(Object value, String what) {
        if (!(value instanceof Object[] items)) {
            throw new PickleException(what + " must be a tuple, got " + describe(value));
        }
        long[] longs = new long[items.length];
        for (int i = 0; i < items.length; i++) {
            longs[i] = toLong(items[i], what);
        }
        return longs;
    }

    static String describe(Object value) {
        return value == null ? "None" : value.getClass().getSimpleName();
    }
}
