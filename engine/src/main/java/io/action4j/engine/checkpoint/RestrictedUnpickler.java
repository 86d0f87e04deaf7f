package io.action4j.engine.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * Pyrolite's unpickler with every way of naming code closed: globals resolve only through
 * {@link PickleGlobals} (anything else fails with the global's name before it could be called),
 * the opcodes {@code torch.save} never writes (INST, OBJ, text PERSID, extension codes, out-of-band
 * buffers) are refused, and no length field may claim more bytes than the pickle has left, so a
 * hostile header cannot make it allocate. Persistent ids become {@link PickledStorage}s; no tensor
 * data is read here.
 */
final class RestrictedUnpickler extends Unpickler {

    /** Real state dicts take a few hundred opcodes per tensor; this caps what a hostile pickle can build. */
    static final long MAX_OPCODES = 8_000_000;

    private final String source;
    private ByteArrayInputStream data;
    private long opcodes;

    /** @param source the file and entry, for error messages */
    RestrictedUnpickler(String source) {
        this.source = source;
    }

    /** Unpickles {@code pickle}; every failure is a {@link CheckpointException} naming the source. */
    Object read(byte[] pickle) {
        data = new ByteArrayInputStream(pickle);
        try {
            return load(data);
        } catch (CheckpointException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new CheckpointException(source + ": pickle nests too deeply to be a state dict");
        } catch (IOException | RuntimeException e) {
            // PickleException, and the ClassCast/IndexOutOfBounds a malformed stack gives Pyrolite.
            throw new CheckpointException(source + ": malformed pickle at byte " + (pickle.length - data.available())
                    + ": " + e, e);
        } finally {
            close();
        }
    }

    @Override
    protected Object dispatch(short key) throws PickleException, IOException {
        if (++opcodes > MAX_OPCODES) {
            throw new CheckpointException(source + ": pickle has more than " + MAX_OPCODES + " opcodes; not a state dict");
        }
        switch (key) {
            case Opcodes.GLOBAL -> {
                String module = PickleUtils.readline(input);
                String name = PickleUtils.readline(input);
                stack.add(resolve(module, name));
            }
            case Opcodes.STACK_GLOBAL -> {
                Object name = stack.pop();
                Object module = stack.pop();
                if (!(module instanceof String m) || !(name instanceof String n)) {
                    throw new PickleException("STACK_GLOBAL needs two strings");
                }
                stack.add(resolve(m, n));
            }
            case Opcodes.INST, Opcodes.OBJ, Opcodes.PERSID, Opcodes.EXT1, Opcodes.EXT2, Opcodes.EXT4,
                    Opcodes.NEXT_BUFFER -> throw new CheckpointException(source + ": pickle opcode " + key
                    + " is not used by torch.save and is refused");
            case Opcodes.BUILD -> build();
            // Pyrolite's dicts are HashMaps and SETITEMS loses order: keep the file's order.
            case Opcodes.EMPTY_DICT -> stack.add(new PickleGlobals.PickledDict());
            case Opcodes.DICT -> {
                List<Object> items = stack.pop_all_since_marker();
                PickleGlobals.PickledDict dict = new PickleGlobals.PickledDict();
                putPairs(dict, items);
                stack.add(dict);
            }
            case Opcodes.SETITEMS -> {
                List<Object> items = stack.pop_all_since_marker();
                putPairs(dictOnTop(), items);
            }
            case Opcodes.SETITEM -> {
                Object value = stack.pop();
                Object itemKey = stack.pop();
                dictOnTop().put(requireHashable(itemKey), value);
            }
            case Opcodes.ADDITEMS, Opcodes.FROZENSET -> {
                // Mutable containers hash by content: one that holds itself would recurse forever.
                List<Object> items = stack.pop_all_since_marker();
                items.forEach(RestrictedUnpickler::requireHashable);
                stack.add_mark();
                items.forEach(stack::add);
                return super.dispatch(key);
            }
            case Opcodes.BINSTRING, Opcodes.BINBYTES, Opcodes.BINUNICODE, Opcodes.LONG4 -> {
                requireAvailable(peekLength(4), 4);
                return super.dispatch(key);
            }
            case Opcodes.BINBYTES8, Opcodes.BINUNICODE8, Opcodes.BYTEARRAY8 -> {
                requireAvailable(peekLength(8), 8);
                return super.dispatch(key);
            }
            default -> {
                return super.dispatch(key);
            }
        }
        return NO_RETURN_VALUE;
    }

    @Override
    protected Object persistentLoad(Object pid) {
        // torch.save: ('storage', torch.FloatStorage, '<key>', 'cpu', numel)
        if (!(pid instanceof Object[] id) || id.length != 5 || !"storage".equals(id[0])) {
            throw new CheckpointException(source + ": unsupported persistent id " + PickleGlobals.describe(pid)
                    + "; expected ('storage', torch.XStorage, key, location, numel)");
        }
        if (!(id[1] instanceof PickleGlobals.StorageClass storageClass)) {
            throw new CheckpointException(source + ": persistent id names " + PickleGlobals.describe(id[1])
                    + " where a torch storage class belongs");
        }
        if (!(id[2] instanceof String storageKey) || !storageKey.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new CheckpointException(source + ": storage key " + id[2] + " is not a plain entry name");
        }
        long numel = PickleGlobals.toLong(id[4], "storage size");
        if (numel < 0) {
            throw new CheckpointException(source + ": storage '" + storageKey + "' claims " + numel + " elements");
        }
        return new PickledStorage(storageKey, storageClass.type(), numel);
    }

    private Object resolve(String module, String name) {
        Optional<Object> resolved = PickleGlobals.resolve(module, name);
        if (resolved.isEmpty()) {
            throw new CheckpointException(source + ": refused pickle global '" + module + "." + name
                    + "': only the globals a state dict needs are accepted " + PickleGlobals.allowedNames()
                    + "; nothing was executed. Re-save the weights alone, e.g. torch.save(ckpt['state_dict'], path),"
                    + " or convert them to safetensors");
        }
        return resolved.get();
    }

    /** BUILD sets an object's state: only OrderedDict attributes ({@code _metadata}) and numpy dtypes have any. */
    private void build() {
        Object state = stack.pop();
        Object target = stack.peek();
        if (!(target instanceof PickleGlobals.PickledDict) && !(target instanceof PickleGlobals.Inert)) {
            throw new CheckpointException(source + ": pickle sets the state of a " + PickleGlobals.describe(target)
                    + " (" + PickleGlobals.describe(state) + "); only dicts and numpy metadata have state here");
        }
        // The state (module versions, dtype details) is not needed: drop it.
    }

    private Map<Object, Object> dictOnTop() {
        Object top = stack.peek();
        if (!(top instanceof PickleGlobals.PickledDict dict)) {
            throw new PickleException("SETITEMS on a " + PickleGlobals.describe(top));
        }
        return dict;
    }

    private static void putPairs(Map<Object, Object> dict, List<Object> items) {
        if (items.size() % 2 != 0) {
            throw new PickleException("odd number of dict items");
        }
        for (int i = 0; i < items.size(); i += 2) {
            dict.put(requireHashable(items.get(i)), items.get(i + 1));
        }
    }

    /** Python refuses lists, dicts and sets as keys; Java would hash them by content, recursively. */
    private static Object requireHashable(Object key) {
        if (key instanceof List || key instanceof Map || key instanceof Set) {
            throw new PickleException("unhashable dict key or set item: " + PickleGlobals.describe(key));
        }
        return key;
    }

    /** The little-endian length field after the opcode, without consuming it. */
    private long peekLength(int bytes) throws IOException {
        data.mark(bytes);
        byte[] field = data.readNBytes(bytes);
        data.reset();
        if (field.length < bytes) {
            throw new CheckpointException(source + ": pickle ends inside a length field");
        }
        long length = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            length = (length << 8) | (field[i] & 0xff);
        }
        // 4-byte fields are unsigned in CPython but Pyrolite reads them signed.
        return bytes == 4 && length > Integer.MAX_VALUE ? -1 : length;
    }

    /** The value after a {@code fieldBytes} length field must fit in what the pickle has left. */
    private void requireAvailable(long length, int fieldBytes) {
        long left = data.available() - fieldBytes;
        if (length < 0 || length > left) {
            throw new CheckpointException(source + ": pickle claims a " + (length < 0 ? "negative or over-2-GiB" : length)
                    + "-byte value with only " + left + " bytes left");
        }
    }
}
