package io.action4j.plugins.resnet3d;

import java.util.Arrays;
import java.util.List;

/**
 * Which convolutions a 3D ResNet is made of: torchvision's three video ResNets and MMAction2's
 * ResNet2Plus1d, chosen by the {@code convType} config key.
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
    FACTORISED("2plus1d"),
    /**
     * MMAction2's {@code ResNet2Plus1d} ({@code conv_cfg=dict(type='Conv2plus1d')}): every convolution,
     * the 1x1x1 downsampling ones included, is a {@code Conv2plus1d} (spatial conv, batch norm, ReLU,
     * temporal conv) inside a ConvModule, named {@code name.conv.conv_s}, {@code name.conv.bn_s},
     * {@code name.conv.conv_t} and {@code name.bn}; each one's mid width comes from its own input and
     * output widths and kernel.
     */
    CONV2PLUS1D("conv2plus1d");

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
            case CONV2PLUS1D -> BlockConv.CONV2PLUS1D;
        };
    }

    /** Whether the stem is R2Plus1dStem (spatial then temporal convolution) rather than one 3D one. */
    boolean factorisedStem() {
        return this == FACTORISED || this == CONV2PLUS1D;
    }

    /** Whether every convolution is MMAction2's Conv2plus1d, the 1x1x1 shortcut projections included. */
    boolean mmaction2Factorised() {
        return this == CONV2PLUS1D;
    }

    /** torchvision's conv builders: what one 3x3x3-position convolution of a block is. */
    enum BlockConv {
        /** Conv3DSimple: kernel (3, 3, 3). */
        FULL,
        /** Conv3DNoTemporal: kernel (1, 3, 3), no padding in time. */
        SPATIAL,
        /** Conv2Plus1D: (1, 3, 3) to mid channels, batch norm, ReLU, then (3, 1, 1). */
        FACTORISED,
        /** MMAction2's Conv2plus1d: the same, its mid width from this convolution's own widths. */
        CONV2PLUS1D
    }
}
