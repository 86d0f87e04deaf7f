package io.action4j.engine.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoMetadata;
import io.action4j.api.video.VideoReader;
import java.util.Iterator;
import java.util.List;

/**
 * Frames {@code [start, end)} of a video, read at random as a video of their own (its first index is
 * the window's start): the reference a streamed window is compared with. Reading a frame outside the
 * window fails the test. Shared with the end-to-end tests.
 */
public record WindowOfVideo(VideoReader video, int start, int end) implements VideoReader {

    @Override
    public VideoMetadata metadata() {
        VideoMetadata whole = video.metadata();
        return new VideoMetadata(end - start, whole.fps(), whole.width(), whole.height(), whole.startIndex() + start);
    }

    @Override
    public List<VideoFrame> read(int[] indices) throws VideoException {
        for (int index : indices) {
            int position = index - video.metadata().startIndex();
            assertThat(position).as("index %d read from window [%d, %d)", index, start, end).isBetween(start, end - 1);
        }
        return video.read(indices);
    }

    @Override
    public Iterator<VideoFrame> stream(int firstIndex) {
        throw new UnsupportedOperationException("the reference path reads at random");
    }

    @Override
    public void close() throws VideoException {
        video.close();
    }
}
