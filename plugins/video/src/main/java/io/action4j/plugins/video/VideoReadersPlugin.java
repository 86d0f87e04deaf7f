package io.action4j.plugins.video;

import io.action4j.api.VideoPlugin;
import io.action4j.api.video.VideoReaderFactory;
import java.util.List;

/** Video files through FFmpeg and rawframe folders through OpenCV. */
public final class VideoReadersPlugin implements VideoPlugin {

    @Override
    public String apiVersion() {
        return VideoPlugin.API_VERSION;
    }

    @Override
    public List<VideoReaderFactory<?>> videoReaders() {
        return List.of(new FfmpegReaderFactory(), new RawFramesReaderFactory());
    }
}
