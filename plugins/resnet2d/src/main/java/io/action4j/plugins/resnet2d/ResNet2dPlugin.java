package io.action4j.plugins.resnet2d;

import io.action4j.api.VideoPlugin;
import io.action4j.api.model.BackboneFactory;
import java.util.List;

/**
 * The 2D ResNet backbone of TSN and TSM, and the fusion family built on 2D ResNets: early, late and slow
 * fusion, CNN + LSTM, conv pooling and convolutional two-stream fusion.
 */
public final class ResNet2dPlugin implements VideoPlugin {

    @Override
    public String apiVersion() {
        return VideoPlugin.API_VERSION;
    }

    @Override
    public List<BackboneFactory<?>> backbones() {
        return List.of(new ResNet2dBackboneFactory(), new EarlyFusionBackboneFactory(), new LateFusionBackboneFactory(),
                new SlowFusionBackboneFactory(), new CnnLstmBackboneFactory(), new ConvPoolingBackboneFactory(),
                new TwoStreamFusionBackboneFactory());
    }
}
