package io.action4j.plugins.video;

import io.action4j.api.video.TruncatedVideoException;
import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoMetadata;
import io.action4j.api.video.VideoReader;
import io.action4j.api.video.VideoStreamException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * A video file decoded by FFmpeg to RGB24. Frames are numbered by counting decoded frames, never
 * from timestamps (after a seek FFmpeg's timestamps can read one frame early). Random access
 * decodes forward when the wanted frame is near, and otherwise seeks by time, which JavaCV turns
 * into a keyframe seek plus a decode up to the wanted frame.
 *
 * <p>The frame count comes from the container, or from an estimate (duration x frame rate) where the
 * container records none, or, for a raw stream without a duration, from counting its video packets.
 * Where that count is low, {@link #stream} decodes on to the real end and {@link #read} reaches the
 * frames past it; where it is high, the stream ends early with a {@link TruncatedVideoException}.
 */
final class FfmpegVideoReader implements VideoReader {

    static {
        FfmpegLogs.apply();
    }

    private final Path path;
    private final FFmpegFrameGrabber grabber;
    private final VideoMetadata metadata;
    private final FfmpegReaderConfig config;
    /** The timestamp of frame 0 in microseconds: containers such as AVI start later than 0. */
    private final long firstTimestamp;
    /** The index of the frame the decoder hands out next. */
    private int position;
    /** A frame a seek decoded before its caller asked for it; returned by the next {@link #next()}. */
    private VideoFrame pending;
    /** Right after a seek: the landing frame's timestamp, to drop its repeat (see {@link #grab(boolean)}). */
    private long repeatAfterSeek = NONE;
    private static final long NONE = Long.MIN_VALUE;
    /** The decoder found the stream's end (which can lie past the announced frame count). */
    private boolean ended;

    private FfmpegVideoReader(Path path, FFmpegFrameGrabber grabber, VideoMetadata metadata, FfmpegReaderConfig config,
                              long firstTimestamp, int position) {
        this.path = path;
        this.grabber = grabber;
        this.metadata = metadata;
        this.config = config;
        this.firstTimestamp = firstTimestamp;
        this.position = position;
    }

    static FfmpegVideoReader open(Path path, FfmpegReaderConfig config) throws VideoException {
        VideoFiles.requireReadableFile(path);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(path.toFile());
        grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
        if (config.threads() > 0) {
            grabber.setVideoOption("threads", Integer.toString(config.threads()));
        }
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            release(grabber);
            throw new VideoException(path, "not a readable video (" + reason(e) + ")", e);
        }
        if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            release(grabber);
            throw new VideoException(path, "has no video stream");
        }
        double fps = grabber.getFrameRate();
        int frames = frameCount(path, grabber);
        if (!(fps > 0) || frames <= 0) {
            release(grabber);
            throw new VideoException(path, "has no usable frame rate or frame count (fps " + fps + ", frames " + frames + ")");
        }
        VideoMetadata metadata = new VideoMetadata(frames, fps, grabber.getImageWidth(), grabber.getImageHeight(), 0);
        // Decoding frame 0 tells where the video's clock starts; seeks are relative to it.
        Frame first;
        try {
            first = grabber.grabImage();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            release(grabber);
            throw new VideoException(path, "cannot decode the first frame (" + reason(e) + ")", e);
        }
        if (first == null || first.image == null) {
            release(grabber);
            throw new VideoException(path, "has no decodable frame");
        }
        return new FfmpegVideoReader(path, grabber, metadata, config, first.timestamp, 1);
    }

    /**
     * The stream's own frame count when the container records one (MP4, AVI headers); otherwise
     * JavaCV's estimate from duration and frame rate; for a raw stream, which has neither (an
     * {@code .h264} or {@code .m4v} file straight from a camera), its video packets counted.
     */
    private static int frameCount(Path path, FFmpegFrameGrabber grabber) throws VideoException {
        long recorded = grabber.getFormatContext().streams(grabber.getVideoStream()).nb_frames();
        if (recorded > 0 && recorded <= Integer.MAX_VALUE) {
            return (int) recorded;
        }
        int estimated = grabber.getLengthInVideoFrames();
        return estimated > 0 ? estimated : countVideoPackets(path);
    }

    /** Reads the file once without decoding and counts its video packets (one per frame). */
    private static int countVideoPackets(Path path) throws VideoException {
        FFmpegFrameGrabber scanner = new FFmpegFrameGrabber(path.toFile());
        try {
            scanner.start();
            int videoStream = scanner.getVideoStream();
            int packets = 0;
            for (AVPacket packet; (packet = scanner.grabPacket()) != null; ) {
                if (packet.stream_index() == videoStream && packet.size() > 0) {
                    packets++;
                }
                avcodec.av_packet_unref(packet);
            }
            scanner.stop();
            return packets;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new VideoException(path, "cannot count the frames of a stream without a frame count ("
                    + reason(e) + ")", e);
        } finally {
            release(scanner);
        }
    }

    @Override
    public String source() {
        return path.toString();
    }

    @Override
    public VideoMetadata metadata() {
        return metadata;
    }

    @Override
    public List<VideoFrame> read(int[] indices) throws VideoException {
        int[] wanted = Arrays.stream(indices).distinct().sorted().toArray();
        for (int index : wanted) {
            if (index < 0) {
                throw new VideoException(path, "frame " + index + " is outside the video's " + metadata.frameCount() + " frames");
            }
        }
        Map<Integer, VideoFrame> decoded = new HashMap<>();
        for (int index : wanted) {
            try {
                decoded.put(index, frameAt(index));
            } catch (TruncatedVideoException e) {
                // Past the announced count a frame may exist (a low count); before it, the file is cut.
                throw index >= metadata.frameCount()
                        ? new VideoException(path, "frame " + index + " is outside the video's " + metadata.frameCount()
                                + " frames (decoding ended after frame " + (e.framesRead() - 1) + ")")
                        : e;
            }
        }
        List<VideoFrame> frames = new ArrayList<>(indices.length);
        for (int index : indices) {
            frames.add(decoded.get(index));
        }
        return frames;
    }

    @Override
    public Iterator<VideoFrame> stream(int firstIndex) throws VideoException {
        if (firstIndex < 0 || firstIndex > metadata.frameCount()) {
            throw new VideoException(path, "cannot stream from frame " + firstIndex + " of " + metadata.frameCount());
        }
        moveTo(firstIndex);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (pending != null || position < metadata.frameCount()) {
                    return true;
                }
                // Past the announced count: the count may be low (an estimate, a wrong header); decode to the end.
                try {
                    return lookAhead();
                } catch (VideoException e) {
                    throw new VideoStreamException(e);
                }
            }

            @Override
            public VideoFrame next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                try {
                    return FfmpegVideoReader.this.next();
                } catch (VideoException e) {
                    throw new VideoStreamException(e);
                }
            }
        };
    }

    /** Decodes the next frame, if the stream has one, into {@link #pending}. */
    private boolean lookAhead() throws VideoException {
        if (ended) {
            return false;
        }
        int index = position;
        Frame frame = grabOrNull(true);
        if (frame == null) {
            return false;
        }
        pending = toRgb(frame, index);
        return true;
    }

    /** Frame {@code index}: decoded forward when it is near, reached by a seek otherwise. */
    private VideoFrame frameAt(int index) throws VideoException {
        VideoFrame waiting = takePending();
        if (waiting != null && waiting.index() == index) {
            return waiting;
        }
        if (index >= position && index - position <= config.seekThreshold()) {
            skipTo(index);
            return next();
        }
        if (index >= position && index >= metadata.frameCount()) {
            // Past the announced count a seek could land nowhere many times over: decode forward to
            // the frame from the announced end (a cut file ends this early, with the frames decoded).
            if (ended) {
                throw new TruncatedVideoException(path, position, metadata.frameCount());
            }
            if (metadata.frameCount() - 1 - position > config.seekThreshold()) {
                seek(metadata.frameCount() - 1); // leaves the decoder just after it
            }
            skipTo(index);
            return next();
        }
        return seek(index);
    }

    /** Places the decoder so that the next decoded frame is {@code index}. */
    private void moveTo(int index) throws VideoException {
        VideoFrame waiting = takePending();
        if (waiting != null && waiting.index() == index) {
            pending = waiting;
            return;
        }
        if (index >= position && index - position <= config.seekThreshold()) {
            skipTo(index);
        } else if (index < metadata.frameCount()) {
            pending = seek(index);
        } else {
            skipTo(index);
        }
    }

    /** The frame a seek left waiting, if any; the decoder is already past it. */
    private VideoFrame takePending() {
        VideoFrame waiting = pending;
        pending = null;
        return waiting;
    }

    /** Decodes up to {@code index} without converting the skipped frames to RGB. */
    private void skipTo(int index) throws VideoException {
        while (position < index) {
            grab(false);
        }
    }

    /**
     * Seeks by time, then finds where the decoder landed from the frame's timestamp and decodes
     * forward to {@code index}. Files differ in where a seek lands: on the target (MP4/H.264), on
     * the keyframe before it (AVI with packed B-frames), or nowhere near the end of some files; a
     * seek that lands after the target or on nothing is retried from further back.
     */
    private VideoFrame seek(int index) throws VideoException {
        long frameMicros = Math.round(1_000_000.0 / metadata.fps());
        long target = timestampOf(index);
        for (int attempt = 0; ; attempt++) {
            long seekTo = Math.max(firstTimestamp, target - (long) attempt * config.seekThreshold() * frameMicros);
            Frame landedFrame = seekTo(seekTo, index);
            if (landedFrame != null) {
                int landed = indexOf(landedFrame.timestamp);
                if (landed >= 0 && landed <= index) {
                    position = landed + 1;
                    ended = false;
                    repeatAfterSeek = landedFrame.timestamp;
                    if (landed == index) {
                        return toRgb(landedFrame, index);
                    }
                    skipTo(index);
                    return next();
                }
            }
            if (seekTo == firstTimestamp) {
                throw new VideoException(path, "cannot seek to frame " + index + ": even a seek to the start lands elsewhere");
            }
        }
    }

    /** The first frame after a seek to {@code timestamp}, or null when the decoder found none. */
    private Frame seekTo(long timestamp, int index) throws VideoException {
        try {
            grabber.setTimestamp(timestamp);
            Frame frame = grabber.grabImage();
            return frame == null || frame.image == null ? null : frame;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new VideoException(path, "cannot seek to frame " + index + " (" + reason(e) + ")", e);
        }
    }

    private long timestampOf(int index) {
        return firstTimestamp + Math.round(index * 1_000_000.0 / metadata.fps());
    }

    private int indexOf(long timestamp) {
        return (int) Math.round((timestamp - firstTimestamp) * metadata.fps() / 1_000_000.0);
    }

    private VideoFrame next() throws VideoException {
        VideoFrame waiting = takePending();
        if (waiting != null) {
            return waiting;
        }
        int index = position;
        Frame frame = grab(true);
        return toRgb(frame, index);
    }

    /** {@link #grabOrNull}, for a frame that must exist: the stream ending first means the file is cut. */
    private Frame grab(boolean convert) throws VideoException {
        Frame frame = grabOrNull(convert);
        if (frame == null) {
            throw new TruncatedVideoException(path, position, metadata.frameCount());
        }
        return frame;
    }

    /**
     * Decodes the next frame and counts it; null at the stream's end. Right after a seek JavaCV can
     * hand out the landing frame twice (same timestamp, same pixels): that repeat is dropped.
     * Otherwise timestamps are not used (the last frames flushed from a decoder can carry none).
     */
    private Frame grabOrNull(boolean convert) throws VideoException {
        while (true) {
            Frame frame;
            try {
                // Video only; without conversion the frame is decoded (to count it) but not turned into RGB.
                frame = grabber.grabFrame(false, true, convert, false);
            } catch (FrameGrabber.Exception | RuntimeException e) {
                throw new VideoException(path, "decoding failed at frame " + position + " (" + reason(e) + ")", e);
            }
            if (frame == null || (convert && frame.image == null)) {
                ended = true;
                return null;
            }
            boolean repeat = repeatAfterSeek != NONE && frame.timestamp == repeatAfterSeek;
            repeatAfterSeek = NONE;
            if (repeat) {
                continue;
            }
            position++;
            return frame;
        }
    }

    private VideoFrame toRgb(Frame frame, int index) {
        int width = frame.imageWidth;
        int height = frame.imageHeight;
        int rowBytes = width * 3;
        byte[] pixels = new byte[rowBytes * height];
        ByteBuffer buffer = ((ByteBuffer) frame.image[0]).duplicate();
        for (int y = 0; y < height; y++) {
            buffer.position(y * frame.imageStride);
            buffer.get(pixels, y * rowBytes, rowBytes);
        }
        return new VideoFrame(index, width, height, 3, pixels);
    }

    @Override
    public void close() throws VideoException {
        try {
            grabber.stop();
            grabber.release();
        } catch (FrameGrabber.Exception e) {
            throw new VideoException(path, "cannot close the decoder (" + e.getMessage() + ")", e);
        }
    }

    private static void release(FFmpegFrameGrabber grabber) {
        try {
            grabber.release();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // Already failing: the original error is the one to report.
        }
    }

    /**
     * What FFmpeg said, for a user: an error code in FFmpeg's own words ("invalid data found when processing
     * input"), else JavaCV's first line without its hints about its own API.
     */
    static String reason(Exception e) {
        if (e.getMessage() == null) {
            return "no details";
        }
        String said = firstLine(FfmpegVideoSink.reason(e)).replace(" (Has setFormat() been called?)", "");
        return said.startsWith("Did not find a video or audio stream") ? "no video or audio stream found" : said;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
