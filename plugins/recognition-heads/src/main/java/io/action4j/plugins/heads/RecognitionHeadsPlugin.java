package io.action4j.plugins.heads;

import io.action4j.api.VideoPlugin;
import io.action4j.api.model.RecognitionHeadFactory;
import java.util.List;

/** Classification heads for action recognition. */
public final class RecognitionHeadsPlugin implements VideoPlugin {

    @Override
    public String apiVersion() {
        return VideoPlugin.API_VERSION;
    }

    @Override
    public List<RecognitionHeadFactory<?>> recognitionHeads() {
        return List.of(new I3dHeadFactory(), new TsnHeadFactory());
    }
}
