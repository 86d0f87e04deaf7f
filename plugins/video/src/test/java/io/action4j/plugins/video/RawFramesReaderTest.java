package io.action4j.plugins.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.ConfigValueException;
import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawFramesReaderTest {

    @TempDir
    Path folder;

    static VideoReader open(Path path, RawFramesConfig config) throws VideoException {
        return new RawFramesReaderFactory().create(config).open(path);
    }

    static RawFramesConfig flow() {
        RawFramesConfig d = RawFramesConfig.DEFAULTS;
        return new RawFramesConfig(d.filenameTemplate(), d.flowXTemplate(), d.flowYTemplate(), "flow", d.startIndex(), d.fps());
    }

    @Test
    void fixtureFolderReadsFromIndexOneWithOpenCvsPixels() throws Exception {
        List<String> expected = Fixtures.frameMd5("imgs_rgb.md5");
        List<String> decoded = new ArrayList<>();
        try (VideoReader reader = open(Fixtures.mmaction2("tests/data/imgs"), RawFramesConfig.DEFAULTS)) {
            assertThat(reader.metadata().frameCount()).isEqualTo(10);
            assertThat(reader.metadata().startIndex()).isEqualTo(1);
            assertThat(reader.metadata().width()).isEqualTo(320);
            assertThat(reader.metadata().height()).isEqualTo(240);
            Iterator<VideoFrame> frames = reader.stream(1);
            while (frames.hasNext()) {
                VideoFrame frame = frames.next();
                assertThat(frame.index()).isEqualTo(decoded.size() + 1);
                decoded.add(Fixtures.md5(frame.pixels()));
            }
            assertThat(Fixtures.md5(reader.read(new int[] {7}).get(0).pixels())).isEqualTo(expected.get(6));
        }
        assertThat(decoded).isEqualTo(expected);
    }

    @Test
    void flowFramesInterleaveXAndY() throws Exception {
        try (VideoReader reader = open(Fixtures.mmaction2("tests/data/imgs"), flow())) {
            assertThat(reader.metadata().frameCount()).isEqualTo(5);
            List<String> expected = Fixtures.frameMd5("imgs_flow.md5");
            List<VideoFrame> frames = reader.read(new int[] {1, 2, 3, 4, 5});
            for (VideoFrame frame : frames) {
                assertThat(frame.channels()).isEqualTo(2);
                assertThat(Fixtures.md5(frame.pixels())).as("flow frame %d", frame.index())
                        .isEqualTo(expected.get(frame.index() - 1));
            }
        }
    }

    @Test
    void indexBeforeTheFirstFrameIsRefused() throws Exception {
        Path imgs = Fixtures.mmaction2("tests/data/imgs");
        try (VideoReader reader = open(imgs, RawFramesConfig.DEFAULTS)) {
            assertThatThrownBy(() -> reader.read(new int[] {0}))
                    .isInstanceOf(VideoException.class)
                    .hasMessage(imgs + ": frame 0 is outside frames 1..10");
        }
    }

    @Test
    void folderWithoutFramesNamesTheFirstExpectedFile() {
        assertThatThrownBy(() -> open(folder, RawFramesConfig.DEFAULTS))
                .isInstanceOf(VideoException.class)
                .hasMessage(folder + ": no frame named img_00001.jpg (a folder is read as extracted frames: "
                        + "filenameTemplate 'img_{:05d}.jpg' from startIndex 1)");
    }

    @Test
    void corruptFrameFileIsNamed() throws Exception {
        Files.writeString(folder.resolve("img_00001.jpg"), "not a jpeg");

        assertThatThrownBy(() -> open(folder, RawFramesConfig.DEFAULTS))
                .isInstanceOf(VideoException.class)
                .hasMessage(folder.resolve("img_00001.jpg") + ": not a decodable image");
    }

    @Test
    void templateNeedsOneIntegerField() {
        assertThatThrownBy(() -> new RawFramesConfig("frame.jpg", "x_{:05d}.jpg", "y_{:05d}.jpg", "rgb", 1, 30))
                .isInstanceOf(ConfigValueException.class)
                .hasMessageStartingWith("filenameTemplate: needs one integer field");
        assertThat(FrameNameTemplate.parse("img_{:05d}.jpg").name(7)).isEqualTo("img_00007.jpg");
        assertThat(FrameNameTemplate.parse("{}.png").name(12)).isEqualTo("12.png");
    }

    @Test
    void configDefaultsAndBadValues() {
        RawFramesConfig defaults = new RawFramesReaderFactory().defaultConfig();
        assertThat(defaults.filenameTemplate()).isEqualTo("img_{:05d}.jpg");
        assertThat(defaults.startIndex()).isEqualTo(1);
        assertThat(defaults.modality()).isEqualTo("rgb");
        assertThatThrownBy(() -> new RawFramesConfig("img_{:05d}.jpg", "x_{:05d}.jpg", "y_{:05d}.jpg", "depth", 1, 30))
                .isInstanceOf(ConfigValueException.class)
                .hasMessage("modality: must be one of [rgb, flow], got depth");
        FfmpegReaderConfig ffmpeg = new FfmpegReaderFactory().defaultConfig();
        assertThat(ffmpeg.threads()).isZero();
        assertThat(ffmpeg.seekThreshold()).isEqualTo(48);
        assertThatThrownBy(() -> new FfmpegReaderConfig(-1, 48))
                .isInstanceOf(ConfigValueException.class)
                .hasMessage("threads: must be at least 0, got -1");
    }
}
