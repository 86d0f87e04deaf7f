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
    List<Integer> stemPoolStride;
    boolean withPool2;
    List<Integer> spatialStrides;
    List<Integer> temporalStrides;
    List<List<Integer>> inflate;
    String inflateStyle;
    double bnEpsilon;
    List<List<Integer>> nonLocal;
    String nonLocalMode;
    boolean nonLocalSubSample;
    boolean nonLocalUseScale;

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
        stemPoolStride = from.stemPoolStride();
        withPool2 = from.withPool2();
        spatialStrides = from.spatialStrides();
        temporalStrides = from.temporalStrides();
        inflate = from.inflate();
        inflateStyle = from.inflateStyle();
        bnEpsilon = from.bnEpsilon();
        nonLocal = from.nonLocal();
        nonLocalMode = from.nonLocalMode();
        nonLocalSubSample = from.nonLocalSubSample();
        nonLocalUseScale = from.nonLocalUseScale();
    }

    static Configs defaults() {
        return new Configs(ResNet3dConfig.DEFAULTS);
    }

    static Configs of(ResNet3dConfig from) {
        return new Configs(from);
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

    Configs stemPoolStride(Integer... values) {
        stemPoolStride = List.of(values);
        return this;
    }

    Configs withPool2(boolean value) {
        withPool2 = value;
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

    /** One list per stage, e.g. {@code inflate(List.of(1), List.of(1, 0), ...)}. */
    @SafeVarargs
    final Configs inflate(List<Integer>... stages) {
        inflate = List.of(stages);
        return this;
    }

    Configs inflateStyle(String value) {
        inflateStyle = value;
        return this;
    }

    /** MMAction2's I3D ResNet-50 (i3d_r50.py), at {@code baseChannels} width. */
    Configs i3dR50() {
        return depth(50).stemKernel(5, 7, 7).stemStride(2, 2, 2).stemPool(true).stemPoolStride(2, 2, 2)
                .withPool2(true).temporalStrides(1, 1, 1, 1).inflateStyle("3x1x1")
                .inflate(List.of(1, 1, 1), List.of(1, 0, 1, 0), List.of(1, 0, 1, 0, 1, 0), List.of(0, 1, 0));
    }

    /** MMAction2's SlowOnly R50 (slowonly_r50.py / ResNet3dSlowOnly), at {@code baseChannels} width. */
    Configs slowOnlyR50() {
        return depth(50).stemKernel(1, 7, 7).stemStride(1, 2, 2).stemPool(true).stemPoolStride(1, 2, 2)
                .withPool2(false).temporalStrides(1, 1, 1, 1).inflateStyle("3x1x1")
                .inflate(List.of(0), List.of(0), List.of(1), List.of(1));
    }

    /** One list per stage, e.g. {@code nonLocal(List.of(0), List.of(0, 1), ...)}. */
    @SafeVarargs
    final Configs nonLocal(List<Integer>... stages) {
        nonLocal = List.of(stages);
        return this;
    }

    Configs nonLocalMode(String value) {
        nonLocalMode = value;
        return this;
    }

    Configs nonLocalSubSample(boolean value) {
        nonLocalSubSample = value;
        return this;
    }

    Configs nonLocalUseScale(boolean value) {
        nonLocalUseScale = value;
        return this;
    }

    Configs bnEpsilon(double value) {
        bnEpsilon = value;
        return this;
    }

    ResNet3dConfig build() {
        return new ResNet3dConfig(depth, convType, stageBlocks, inChannels, baseChannels, stemKernel, stemStride,
                stemMidChannels, stemPool, stemPoolStride, withPool2, spatialStrides, temporalStrides, inflate,
                inflateStyle, bnEpsilon, nonLocal, nonLocalMode, nonLocalSubSample, nonLocalUseScale);
    }
}
