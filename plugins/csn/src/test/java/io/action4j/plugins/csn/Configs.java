package io.action4j.plugins.csn;

import java.util.List;

/** Builds {@link CsnConfig}s that differ from the defaults in a few keys. */
final class Configs {

    int depth;
    String bottleneckMode;
    List<Integer> stageBlocks;
    int inChannels;
    int baseChannels;
    List<Integer> stemKernel;
    List<Integer> stemStride;
    List<Integer> stemPoolStride;
    boolean withPool2;
    List<Integer> spatialStrides;
    List<Integer> temporalStrides;
    double bnEpsilon;

    private Configs(CsnConfig from) {
        depth = from.depth();
        bottleneckMode = from.bottleneckMode();
        stageBlocks = from.stageBlocks();
        inChannels = from.inChannels();
        baseChannels = from.baseChannels();
        stemKernel = from.stemKernel();
        stemStride = from.stemStride();
        stemPoolStride = from.stemPoolStride();
        withPool2 = from.withPool2();
        spatialStrides = from.spatialStrides();
        temporalStrides = from.temporalStrides();
        bnEpsilon = from.bnEpsilon();
    }

    static Configs defaults() {
        return new Configs(CsnConfig.DEFAULTS);
    }

    /** A small network: width {@code base}, one block per stage. */
    static Configs small(String mode, int base) {
        Configs configs = defaults();
        configs.bottleneckMode = mode;
        configs.baseChannels = base;
        configs.depth = 50;
        configs.stageBlocks = List.of(1, 1, 1, 1);
        return configs;
    }

    Configs depth(int value) {
        depth = value;
        return this;
    }

    Configs bottleneckMode(String value) {
        bottleneckMode = value;
        return this;
    }

    Configs stageBlocks(List<Integer> values) {
        stageBlocks = values;
        return this;
    }

    Configs inChannels(int value) {
        inChannels = value;
        return this;
    }

    Configs baseChannels(int value) {
        baseChannels = value;
        return this;
    }

    Configs stemKernel(List<Integer> values) {
        stemKernel = values;
        return this;
    }

    Configs stemStride(List<Integer> values) {
        stemStride = values;
        return this;
    }

    Configs stemPoolStride(List<Integer> values) {
        stemPoolStride = values;
        return this;
    }

    Configs withPool2(boolean value) {
        withPool2 = value;
        return this;
    }

    Configs spatialStrides(List<Integer> values) {
        spatialStrides = values;
        return this;
    }

    Configs temporalStrides(List<Integer> values) {
        temporalStrides = values;
        return this;
    }

    Configs bnEpsilon(double value) {
        bnEpsilon = value;
        return this;
    }

    CsnConfig build() {
        return new CsnConfig(depth, bottleneckMode, stageBlocks, inChannels, baseChannels, stemKernel, stemStride,
                stemPoolStride, withPool2, spatialStrides, temporalStrides, bnEpsilon);
    }
}
