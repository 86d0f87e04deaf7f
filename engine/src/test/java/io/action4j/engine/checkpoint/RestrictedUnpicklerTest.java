package io.action4j.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-written hostile pickles, opcode by opcode. */
class RestrictedUnpicklerTest {

    private static final int PROTO_2 = 0x80;

    @Test
    void plainValuesAndOrderedDictsReadAsJavaValues() {
        // {'b': 1, 'a': [True, None]} as OrderedDict; insertion order must survive.
        Object value = read(bytes(PROTO_2, 2), ascii("ccollections\nOrderedDict\n"), bytes(')', 'R', '('),
                ascii("X"), bytes(1, 0, 0, 0), ascii("b"), bytes('K', 1),
                ascii("X"), bytes(1, 0, 0, 0), ascii("a"), bytes(']', '(', 0x88, 'N', 'e', 'u', '.'));

        assertThat(value).isInstanceOf(Map.class);
        assertThat(java.util.List.<Object>copyOf(((Map<?, ?>) value).keySet())).containsExactly("b", "a");
    }

    @Test
    void anyOtherGlobalIsRefusedBeforeItCouldBeCalled() {
        assertThatThrownBy(() -> read(bytes(PROTO_2, 2), ascii("cbuiltins\nexec\n"), ascii("X"), bytes(1, 0, 0, 0),
                ascii("1"), bytes(0x85, 'R', '.')))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("test.pkl: refused pickle global 'builtins.exec'");
    }

    @Test
    void instAndObjOpcodesAreRefused() {
        assertThatThrownBy(() -> read(bytes(PROTO_2, 2, '('), ascii("ios\nsystem\n"), bytes('.')))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("opcode 105 is not used by torch.save");
    }

    @Test
    void aLengthBeyondThePickleIsRefusedWithoutAllocating() {
        assertThatThrownBy(() -> read(bytes(PROTO_2, 2, 'X', 0xff, 0xff, 0xff, 0x7f, '.')))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("claims a 2147483647-byte value with only 1 bytes left");
        assertThatThrownBy(() -> read(bytes(PROTO_2, 4, 0x8e, 0, 0, 0, 0, 0, 0, 0, 0x40, '.')))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("claims a 4611686018427387904-byte value");
    }

    @Test
    void aListThatHoldsItselfCannotBecomeADictKey() {
        // l = []; l.append(l); {l: 1}
        assertThatThrownBy(() -> read(bytes(PROTO_2, 2, ']', 'q', 0, 'h', 0, 'a', '}', 'h', 0, 'K', 1, 's', '.')))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("unhashable dict key");
    }

    @Test
    void aBrokenStackIsAMalformedPickleNotACrash() {
        assertThatThrownBy(() -> read(bytes(PROTO_2, 2, 'R', '.')))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("test.pkl: malformed pickle");
        assertThatThrownBy(() -> read(bytes(PROTO_2, 2, ']')))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("test.pkl: malformed pickle");
    }

    private static Object read(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return new RestrictedUnpickler("test.pkl").read(out.toByteArray());
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
