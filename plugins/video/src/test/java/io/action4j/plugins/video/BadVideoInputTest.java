package io.action4j.plugins.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.video.TruncatedVideoException;
import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoReader;
import io.action4j.api.video.VideoStreamException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not (whole) videos get a typed exception naming the path and the reason. */
class BadVideoInputTest {

    @TempDir
    Path folder;

    static VideoReader open(Path path) throws VideoException {
        return new FfmpegReaderFactory().create(FfmpegReaderConfig.DEFAULTS).open(path);
    }

    @Test
    void missingFile() {
        Path missing = folder.resolve("missing.mp4");

        assertThatThrownBy(() -> open(missing))
                .isInstanceOf(VideoException.class)
                .hasMessage(missing + ": file not found");
    }

    @Test
    void zeroByteFile() throws Exception {
        Path empty = Files.createFile(folder.resolve("empty.mp4"));

        assertThatThrownBy(() -> open(empty)).isInstanceOf(VideoException.class).hasMessage(empty + ": empty file (0 bytes)");
    }

    @Test
    void textFileRenamedMp4() throws Exception {
        Path text = Files.writeString(folder.resolve("notes.mp4"), "these are not frames\n".repeat(100));

        // FFmpeg's reason in its own words, without JavaCV's hints about its API.
        assertThatThrownBy(() -> open(text))
                .isInstanceOf(VideoException.class)
                .hasMessage(text + ": not a readable video (invalid data found when processing input)");
    }

    @Test
    void folderIsNotAVideoFile() {
        assertThatThrownBy(() -> open(folder)).isInstanceOf(VideoException.class).hasMessage(folder + ": not a regular file");
    }

    @Test
    void audioOnlyFileHasNoVideoStream() throws Exception {
        Path wav = Files.write(folder.resolve("tone.wav"), silentWav(8000));

        assertThatThrownBy(() -> open(wav)).isInstanceOf(VideoException.class).hasMessage(wav + ": has no video stream");
    }

    @Test
    void mp4CutBeforeItsIndexCannotBeOpened() throws Exception {
        Path cut = truncatedCopy(Fixtures.mmaction2("tests/data/test.mp4"), 300_000);

        // MP4 keeps its index (moov) at the end here: nothing before the cut is addressable.
        assertThatThrownBy(() -> open(cut))
                .isInstanceOf(VideoException.class)
                .hasMessageStartingWith(cut + ": not a readable video (")
                .hasMessageNotContaining("FFmpegLogCallback").hasMessageNotContaining("setFormat");
    }

    @Test
    void truncatedAviDecodesUpToTheCutAndSaysHowFar() throws Exception {
        Path cut = truncatedCopy(Fixtures.mmaction2("tests/data/test.avi"), 150_000);
        // What the Debian ffmpeg CLI decodes from the same cut file: 77 intact frames and a last one
        // decoded from the partial packet at the cut.
        List<String> expected = Fixtures.frameMd5("test_avi_cut150000.framemd5");
        assertThat(expected.subList(0, 77)).isEqualTo(Fixtures.frameMd5("test_avi.framemd5").subList(0, 77));

        try (VideoReader reader = open(cut)) {
            assertThat(reader.metadata().frameCount()).isEqualTo(164);
            Iterator<VideoFrame> frames = reader.stream(0);
            int read = 0;
            VideoStreamException failure = null;
            try {
                while (frames.hasNext()) {
                    VideoFrame frame = frames.next();
                    assertThat(Fixtures.md5(frame.pixels())).as("frame %d", read).isEqualTo(expected.get(read));
                    read++;
                }
            } catch (VideoStreamException e) {
                failure = e;
            }
            assertThat(read).isEqualTo(expected.size()).isEqualTo(78);
            assertThat(failure).isNotNull();
            assertThat(failure.getCause()).isInstanceOf(TruncatedVideoException.class)
                    .hasMessage(cut + ": truncated: decoding stopped after 78 of 164 frames");
            assertThat(((TruncatedVideoException) failure.getCause()).framesRead()).isEqualTo(78);
        }
    }

    @Test
    void frameOutsideTheVideoIsRefused() throws Exception {
        Path video = Fixtures.mmaction2("tests/data/test.avi");
        try (VideoReader reader = open(video)) {
            assertThatThrownBy(() -> reader.read(new int[] {3, 164}))
                    .isInstanceOf(VideoException.class)
                    .hasMessage(video + ": frame 164 is outside the video's 164 frames (decoding ended after frame 163)");
        }
    }

    private Path truncatedCopy(Path source, int bytes) throws Exception {
        byte[] all = Files.readAllBytes(source);
        return Files.write(folder.resolve("cut-" + source.getFileName()), Arrays.copyOf(all, Math.min(bytes, all.length)));
    }

    /** A valid mono 16-bit PCM WAV of silence: a real media file with audio and no video. */
    private static byte[] silentWav(int samples) {
        int dataBytes = samples * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes()).putInt(dataBytes);
        return wav.array();
    }
}
