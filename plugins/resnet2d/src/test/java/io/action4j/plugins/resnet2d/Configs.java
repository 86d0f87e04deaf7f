package io.action4j.plugins.resnet2d;

import java.util.List;

/** Builds {@link ResNet2dConfig}s that differ from the defaults in a few keys. */
final class Configs {

    private int depth;
    private List<Integer> stageBlocks;
    private int inChannels;
    private int baseChannels;
    private List<Integer> strides;
    private String style;
    private int shiftDiv;
    private double bnEpsilon;

    private Configs(ResNet2dConfig from) {
        depth = from.depth();
        stageBlocks = from.stageBlocks();
        inChannels = from.inChannels();
        baseChannels = from.baseChannels();
        strides = from.strides();
        style = from.style();
        shiftDiv = from.shiftDiv();
        bnEpsilon = from.bnEpsilon();
    }

    static Configs defaults() {
        return new Configs(ResNet2dConfig.DEFAULTS);
    }

    Configs depth(int value) {
        depth = value;
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

    Configs strides(List<Integer> values) {
        strides = values;
        return this;
    }

    Configs style(String value) {
        style = value;
        return this;
    }

    Configs shiftDiv(int value) {
        shiftDiv = value;
        return this;
    }

    Configs bnEpsilon(double value) {
        bnEpsilon = value;
        return this;
    }

    ResNet2dConfig build() {
        return new ResNet2dConfig(depth, stageBlocks, inChannels, baseChannels, strides, style, shiftDiv, bnEpsilon);
    }
}
