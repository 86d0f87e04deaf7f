package io.action4j.plugins.video;

import io.action4j.api.VideoPlugin;
import io.action4j.api.video.VideoReaderFactory;
import io.action4j.api.video.VideoWriterFactory;
import java.util.List;

/**
 * Video in and out: files read through FFmpeg and rawframe folders through OpenCV; files written
 * through FFmpeg, with overlays drawn by OpenCV.
 */
public final class VideoReadersPlugin implements VideoPlugin {

    @Override
    public String apiVersion() {
        return VideoPlugin.API_VERSION;
    }

    @Override
    public List<VideoReaderFactory<?>> videoReaders() {
        return List.of(new FfmpegReaderFactory(), new RawFramesReaderFactory());
    }

    @Override
    public List<VideoWriterFactory<?>> videoWriters() {
        return List.of(new FfmpegWriterFactory());
    }
}
