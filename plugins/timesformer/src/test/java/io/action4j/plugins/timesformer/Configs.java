package io.action4j.plugins.timesformer;

import java.util.function.Consumer;

/** Builds {@link TimeSformerConfig}s that differ from the defaults in a few keys. */
final class Configs {

    int numFrames;
    int imgSize;
    int patchSize;
    int embedDims;
    int numHeads;
    int numTransformerLayers;
    int inChannels;
    double dropoutRatio;
    String attentionType;
    NormConfig normCfg;

    private Configs(TimeSformerConfig from) {
        numFrames = from.numFrames();
        imgSize = from.imgSize();
        patchSize = from.patchSize();
        embedDims = from.embedDims();
        numHeads = from.numHeads();
        numTransformerLayers = from.numTransformerLayers();
        inChannels = from.inChannels();
        dropoutRatio = from.dropoutRatio();
        attentionType = from.attentionType();
        normCfg = from.normCfg();
    }

    static Configs defaults() {
        return new Configs(TimeSformerConfig.DEFAULTS);
    }

    /** A small model: 4 frames of 32 x 32 in 8-pixel patches, 32 wide, 2 heads, 2 layers. */
    static Configs small(String attentionType) {
        Configs configs = defaults();
        configs.numFrames = 4;
        configs.imgSize = 32;
        configs.patchSize = 8;
        configs.embedDims = 32;
        configs.numHeads = 2;
        configs.numTransformerLayers = 2;
        configs.attentionType = attentionType;
        return configs;
    }

    Configs set(Consumer<Configs> change) {
        change.accept(this);
        return this;
    }

    TimeSformerConfig build() {
        return new TimeSformerConfig(numFrames, imgSize, patchSize, embedDims, numHeads, numTransformerLayers,
                inChannels, dropoutRatio, attentionType, normCfg);
    }
}
