package io.action4j.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticMotionDatasetTest {

    @TempDir
    Path folder;

    static SynthConfig tiny(long seed) {
        return new SynthConfig(seed, List.of(MotionClass.ROTATE_CW, MotionClass.MOVE_LEFT), 64, 48, 8, 25, 0.5,
                2, 1, 1);
    }

    @Test
    void writesVideosAndMmaction2ListsAndTheConfig() throws IOException {
        SynthConfig config = tiny(7);

        SyntheticMotionDataset.Summary summary = SyntheticMotionDataset.generate(config, folder, 2);

        assertThat(summary.videos()).isEqualTo(8);
        assertThat(List.of(summary.train(), summary.val(), summary.test())).containsExactly(4, 2, 2);
        assertThat(Files.readAllLines(folder.resolve("classes.txt"))).containsExactly("rotate_cw", "move_left");
        assertThat(Files.readAllLines(folder.resolve("train.txt"))).containsExactly(
                "videos/rotate_cw/rotate_cw_train_0000.mp4 0", "videos/rotate_cw/rotate_cw_train_0001.mp4 0",
                "videos/move_left/move_left_train_0000.mp4 1", "videos/move_left/move_left_train_0001.mp4 1");
        assertThat(Files.readAllLines(folder.resolve("val.txt"))).containsExactly(
                "videos/rotate_cw/rotate_cw_val_0000.mp4 0", "videos/move_left/move_left_val_0000.mp4 1");
        assertThat(Files.readAllLines(folder.resolve("test.txt"))).containsExactly(
                "videos/rotate_cw/rotate_cw_test_0000.mp4 0", "videos/move_left/move_left_test_0000.mp4 1");
        assertThat(SyntheticMotionDataset.readConfig(folder.resolve("synth.json"))).isEqualTo(config);
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(Files::isRegularFile).map(path -> folder.relativize(path).toString()))
                    .as("no partial files left").hasSize(13).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void writtenVideosDecodeToTheRenderedFrames() throws IOException {
        SynthConfig config = new SynthConfig(3, List.of(MotionClass.ROTATE_CW), 64, 48, 8, 25, 0, 1, 0, 0);
        SyntheticVideo video = SyntheticVideo.of(config, MotionClass.ROTATE_CW, Split.TRAIN, 0);
        Path file = folder.resolve("video.mp4");

        video.write(file);

        List<byte[]> rendered = video.render();
        List<byte[]> decoded = decode(file);
        assertThat(decoded).hasSize(config.frames());
        for (int t = 0; t < decoded.size(); t++) {
            assertThat(decoded.get(t)).hasSize(64 * 48 * 3);
            // Quantiser 2 with 4:2:0 colour: ~35 dB here; swapped red and blue would fall far below.
            assertThat(psnr(rendered.get(t), decoded.get(t))).as("PSNR of frame %d", t).isGreaterThan(30);
        }
    }

    @Test
    void sameConfigWritesTheSameFilesWhateverTheThreadCount() throws IOException {
        SynthConfig config = tiny(11);
        SyntheticMotionDataset.generate(config, folder.resolve("a"), 1);
        SyntheticMotionDataset.generate(config, folder.resolve("b"), 2);
        SyntheticMotionDataset.generate(tiny(12), folder.resolve("c"), 2);

        String name = "videos/move_left/move_left_train_0001.mp4";
        assertThat(Files.readAllBytes(folder.resolve("a").resolve(name)))
                .isEqualTo(Files.readAllBytes(folder.resolve("b").resolve(name)))
                .isNotEqualTo(Files.readAllBytes(folder.resolve("c").resolve(name)));
        assertThat(decode(folder.resolve("a").resolve(name))).usingElementComparator(Arrays::compare)
                .isEqualTo(decode(folder.resolve("b").resolve(name)));
    }

    @Test
    void aVideoThatCannotBeWrittenLeavesNothingBehindAndNamesTheFile() throws IOException {
        Path blocked = Files.writeString(folder.resolve("videos"), "a file where the folder should be");
        SyntheticVideo video = SyntheticVideo.of(tiny(1), MotionClass.MOVE_LEFT, Split.TEST, 0);

        assertThatThrownBy(() -> SyntheticMotionDataset.generate(tiny(1), folder, 1)).isInstanceOf(IOException.class)
                .hasMessageContaining(blocked.toString());
        Path missingFolder = folder.resolve("missing/video.mp4");
        assertThatThrownBy(() -> video.write(missingFolder)).isInstanceOf(IOException.class)
                .hasMessageContaining(missingFolder.toString());
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(blocked);
        }
    }

    @Test
    void readConfigNamesTheFileAndTheBadKey() throws IOException {
        Path json = Files.writeString(folder.resolve("synth.json"), "{\"config\": {\"seed\": 1, \"classes\": "
                + "[\"move_left\"], \"width\": 0, \"height\": 64, \"frames\": 8, \"fps\": 25, \"difficulty\": 0.5, "
                + "\"trainPerClass\": 1, \"valPerClass\": 0, \"testPerClass\": 0}}");

        assertThatThrownBy(() -> SyntheticMotionDataset.readConfig(json)).isInstanceOf(IOException.class)
                .hasMessageContaining(json.toString()).hasMessageContaining("width: must be at least 16, got 0");
        assertThatThrownBy(() -> SyntheticMotionDataset.readConfig(folder.resolve("none.json")))
                .isInstanceOf(IOException.class).hasMessageContaining("none.json: not found");
    }

    static List<byte[]> decode(Path file) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
            grabber.start();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                ByteBuffer pixels = (ByteBuffer) frame.image[0];
                byte[] rgb = new byte[frame.imageWidth * frame.imageHeight * 3];
                for (int y = 0; y < frame.imageHeight; y++) {
                    pixels.position(y * frame.imageStride);
                    pixels.get(rgb, y * frame.imageWidth * 3, frame.imageWidth * 3);
                }
                frames.add(rgb);
            }
            assertThat(grabber.getImageWidth()).isEqualTo(64);
            assertThat(grabber.getImageHeight()).isEqualTo(48);
            assertThat(grabber.getFrameRate()).isEqualTo(25.0);
            assertThat(grabber.getFormatContext().streams(grabber.getVideoStream()).nb_frames())
                    .isEqualTo(frames.size());
        }
        return frames;
    }

    static double psnr(byte[] expected, byte[] actual) {
        double squared = 0;
        for (int i = 0; i < expected.length; i++) {
            double difference = (expected[i] & 0xFF) - (actual[i] & 0xFF);
            squared += difference * difference;
        }
        return 10 * Math.log10(255.0 * 255.0 / (squared / expected.length));
    }
}
