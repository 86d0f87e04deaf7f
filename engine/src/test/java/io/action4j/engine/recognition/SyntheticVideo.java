package io.action4j.engine.recognition;

import io.action4j.api.video.TruncatedVideoException;
import io.action4j.api.video.VideoDecoder;
import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoMetadata;
import io.action4j.api.video.VideoReader;
import io.action4j.api.video.VideoStreamException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A video made up in memory: frame {@code i}'s pixels are a function of {@code i}, so nothing is kept
 * between reads. Its metadata may announce another frame count than the stream delivers, as some
 * containers' estimates do; the stream then ends cleanly, or as a cut file ({@link TruncatedVideoException}),
 * or fails with a decoding error at a given frame.
 */
final class SyntheticVideo implements VideoDecoder {

    enum Ending { END, TRUNCATED }

    private final int frames;
    private final int announcedFrames;
    private final int width;
    private final int height;
    private final int startIndex;
    private final Ending ending;
    private final int failAt;
    /** Frames streamed by the last reader opened: a window delivered during the stream must not wait for more. */
    private int streamed;

    private SyntheticVideo(int frames, int announcedFrames, int width, int height, int startIndex, Ending ending,
                           int failAt) {
        this.frames = frames;
        this.announcedFrames = announcedFrames;
        this.width = width;
        this.height = height;
        this.startIndex = startIndex;
        this.ending = ending;
        this.failAt = failAt;
    }

    static SyntheticVideo of(int frames, int width, int height) {
        return new SyntheticVideo(frames, frames, width, height, 0, Ending.END, -1);
    }

    SyntheticVideo announcing(int announced, Ending howItEnds) {
        return new SyntheticVideo(frames, announced, width, height, startIndex, howItEnds, failAt);
    }

    SyntheticVideo startingAt(int index) {
        return new SyntheticVideo(frames, announcedFrames, width, height, index, ending, failAt);
    }

    SyntheticVideo failingAt(int position) {
        return new SyntheticVideo(frames, announcedFrames, width, height, startIndex, ending, position);
    }

    int streamed() {
        return streamed;
    }

    /** The frame at {@code position} (from 0), the same on every call. */
    VideoFrame frame(int position) {
        byte[] pixels = new byte[width * height * 3];
        new SplittableRandom(position * 7919L + 17).nextBytes(pixels);
        return new VideoFrame(startIndex + position, width, height, 3, pixels);
    }

    @Override
    public VideoReader open(Path path) {
        return new Reader(path);
    }

    private final class Reader implements VideoReader {

        private final Path path;

        Reader(Path path) {
            this.path = path;
            streamed = 0;
        }

        @Override
        public VideoMetadata metadata() {
            return new VideoMetadata(announcedFrames, 25, width, height, startIndex);
        }

        @Override
        public List<VideoFrame> read(int[] indices) throws VideoException {
            List<VideoFrame> read = new ArrayList<>(indices.length);
            for (int index : indices) {
                if (index < startIndex || index >= startIndex + frames) {
                    throw new VideoException(path, "frame " + index + " is outside the video");
                }
                read.add(frame(index - startIndex));
            }
            return read;
        }

        @Override
        public Iterator<VideoFrame> stream(int firstIndex) {
            return new Iterator<>() {
                private int next = firstIndex - startIndex;

                @Override
                public boolean hasNext() {
                    if (next < frames) {
                        return true;
                    }
                    if (ending == Ending.TRUNCATED) {
                        throw new VideoStreamException(new TruncatedVideoException(path, frames, announcedFrames));
                    }
                    return false;
                }

                @Override
                public VideoFrame next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    if (next == failAt) {
                        throw new VideoStreamException(new VideoException(path, "decoding failed at frame " + next));
                    }
                    streamed = next + 1;
                    return frame(next++);
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
