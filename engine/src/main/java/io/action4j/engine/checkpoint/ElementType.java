package io.action4j.engine.checkpoint;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Element types a checkpoint may store, with their names in PyTorch ({@code torch.FloatStorage})
 * and safetensors ({@code F32}). Floating types are read as float32, integer and boolean types as
 * long. Buffers passed in are little-endian.
 */
enum ElementType {
    F32("FloatStorage", 4, true),
    F16("HalfStorage", 2, true),
    BF16("BFloat16Storage", 2, true),
    F64("DoubleStorage", 8, true),
    I64("LongStorage", 8, false),
    I32("IntStorage", 4, false),
    I16("ShortStorage", 2, false),
    I8("CharStorage", 1, false),
    U8("ByteStorage", 1, false),
    BOOL("BoolStorage", 1, false);

    private final String torchStorage;
    private final int size;
    private final boolean floating;

    ElementType(String torchStorage, int size, boolean floating) {
        this.torchStorage = torchStorage;
        this.size = size;
        this.floating = floating;
    }

    /** PyTorch's storage class, e.g. {@code FloatStorage}. */
    String torchStorage() {
        return torchStorage;
    }

    /** Bytes per element. */
    int size() {
        return size;
    }

    boolean floating() {
        return floating;
    }

    static Optional<ElementType> ofTorchStorage(String className) {
        for (ElementType type : values()) {
            if (type.torchStorage.equals(className)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    static Optional<ElementType> ofSafetensors(String dtype) {
        for (ElementType type : values()) {
            if (type.name().equals(dtype)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Element {@code index} of a floating type, as float32. */
    float floatAt(ByteBuffer buffer, long index) {
        int at = Math.toIntExact(index * size);
        return switch (this) {
            case F32 -> buffer.getFloat(at);
            case F16 -> halfToFloat(buffer.getShort(at));
            case BF16 -> Float.intBitsToFloat((buffer.getShort(at) & 0xffff) << 16);
            case F64 -> (float) buffer.getDouble(at);
            default -> throw new IllegalStateException(this + " is not a floating type");
        };
    }

    /** Element {@code index} of an integer or boolean type. */
    long longAt(ByteBuffer buffer, long index) {
        int at = Math.toIntExact(index * size);
        return switch (this) {
            case I64 -> buffer.getLong(at);
            case I32 -> buffer.getInt(at);
            case I16 -> buffer.getShort(at);
            case I8 -> buffer.get(at);
            case U8, BOOL -> buffer.get(at) & 0xff;
            default -> throw new IllegalStateException(this + " is not an integer type");
        };
    }

    /** IEEE 754 binary16 to binary32, exact (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // Zero or subnormal: mantissa * 2^-24, exact in float32.
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
