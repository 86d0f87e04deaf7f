package io.action4j.plugins.resnet3d;

import java.util.Arrays;
import java.util.List;

/**
 * Which convolutions a 3D ResNet is made of: torchvision's three video ResNets, chosen by the
 * {@code convType} config key.
 */
enum ConvType {
    /** {@code r3d}: full 3x3x3 convolutions everywhere (torchvision's Conv3DSimple, BasicStem). */
    FULL_3D("3d"),
    /**
     * {@code mc3}, "mixed convolutions": full 3x3x3 convolutions in the stem and stage 1, then
     * (1, 3, 3) convolutions that see no time (Conv3DNoTemporal) in stages 2-4.
     */
    MIXED("mc3"),
    /**
     * {@code r(2+1)d}: every 3x3x3 position (stem included) factorised into a spatial (1, k, k)
     * convolution, batch norm and ReLU, then a temporal (k, 1, 1) convolution (Conv2Plus1D,
     * R2Plus1dStem).
     */
    FACTORISED("2plus1d");

    static final List<String> CONFIG_VALUES = Arrays.stream(values()).map(type -> type.configValue).toList();

    private final String configValue;

    ConvType(String configValue) {
        this.configValue = configValue;
    }

    static ConvType fromConfig(String value) {
        for (ConvType type : values()) {
            if (type.configValue.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown conv type " + value);
    }

    /** The convolution at the 3x3x3 position of the blocks in {@code stage} (0 to 3). */
    BlockConv blockConv(int stage) {
        return switch (this) {
            case FULL_3D -> BlockConv.FULL;
            case MIXED -> stage == 0 ? BlockConv.FULL : BlockConv.SPATIAL;
            case FACTORISED -> BlockConv.FACTORISED;
        };
    }

    /** Whether the stem is R2Plus1dStem (spatial then temporal convolution) rather than one 3D one. */
    boolean factorisedStem() {
        return this == FACTORISED;
    }

    /** torchvision's conv builders: what one 3x3x3-position convolution of a block is. */
    enum BlockConv {
        /** Conv3DSimple: kernel (3, 3, 3). */
        FULL,
        /** Conv3DNoTemporal: kernel (1, 3, 3), no padding in time. */
        SPATIAL,
        /** Conv2Plus1D: (1, 3, 3) to mid channels, batch norm, ReLU, then (3, 1, 1). */
        FACTORISED
    }
}
