package io.action4j.plugins.resnet3d;

import java.util.List;

/** Builds {@link ResNet3dConfig}s that differ from the defaults in a few keys. */
final class Configs {

    int depth;
    String convType;
    List<Integer> stageBlocks;
    int inChannels;
    int baseChannels;
    List<Integer> stemKernel;
    List<Integer> stemStride;
    int stemMidChannels;
    boolean stemPool;
    List<Integer> spatialStrides;
    List<Integer> temporalStrides;
    double bnEpsilon;

    private Configs(ResNet3dConfig from) {
        depth = from.depth();
        convType = from.convType();
        stageBlocks = from.stageBlocks();
        inChannels = from.inChannels();
        baseChannels = from.baseChannels();
        stemKernel = from.stemKernel();
        stemStride = from.stemStride();
        stemMidChannels = from.stemMidChannels();
        stemPool = from.stemPool();
        spatialStrides = from.spatialStrides();
        temporalStrides = from.temporalStrides();
        bnEpsilon = from.bnEpsilon();
    }

    static Configs defaults() {
        return new Configs(ResNet3dConfig.DEFAULTS);
    }

    Configs depth(int value) {
        depth = value;
        return this;
    }

    Configs convType(String value) {
        convType = value;
        return this;
    }

    Configs stageBlocks(Integer... values) {
        stageBlocks = List.of(values);
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

    Configs stemKernel(Integer... values) {
        stemKernel = List.of(values);
        return this;
    }

    Configs stemStride(Integer... values) {
        stemStride = List.of(values);
        return this;
    }

    Configs stemMidChannels(int value) {
        stemMidChannels = value;
        return this;
    }

    Configs stemPool(boolean value) {
        stemPool = value;
        return this;
    }

    Configs spatialStrides(Integer... values) {
        spatialStrides = List.of(values);
        return this;
    }

    Configs temporalStrides(Integer... values) {
        temporalStrides = List.of(values);
        return this;
    }

    Configs bnEpsilon(double value) {
        bnEpsilon = value;
        return this;
    }

    ResNet3dConfig build() {
        return new ResNet3dConfig(depth, convType, stageBlocks, inChannels, baseChannels, stemKernel, stemStride,
                stemMidChannels, stemPool, spatialStrides, temporalStrides, bnEpsilon);
    }
}
