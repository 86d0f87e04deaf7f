package io.action4j.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.video.VideoEncoder;
import io.action4j.api.video.VideoReader;
import io.action4j.plugins.video.FfmpegReaderConfig;
import io.action4j.plugins.video.FfmpegReaderFactory;
import io.action4j.plugins.video.FfmpegWriterConfig;
import io.action4j.plugins.video.FfmpegWriterFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticMotionDatasetTest {

    /** The video plugin's writer, as the launcher hands it to the generator. */
    static final VideoEncoder ENCODER = new FfmpegWriterFactory().create(FfmpegWriterConfig.DEFAULTS);

    @TempDir
    Path folder;

    static SynthConfig tiny(long seed) {
        return new SynthConfig(seed, List.of(MotionClass.ROTATE_CW, MotionClass.MOVE_LEFT), 64, 48, 8, 25, 0.5,
                2, 1, 1);
    }

    @Test
    void writesVideosAndMmaction2ListsAndTheConfig() throws IOException {
        SynthConfig config = tiny(7);

        SyntheticMotionDataset.Summary summary = SyntheticMotionDataset.generate(config, folder, ENCODER, 2);

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

        video.write(file, ENCODER);

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
        SyntheticMotionDataset.generate(config, folder.resolve("a"), ENCODER, 1);
        SyntheticMotionDataset.generate(config, folder.resolve("b"), ENCODER, 2);
        SyntheticMotionDataset.generate(tiny(12), folder.resolve("c"), ENCODER, 2);

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

        assertThatThrownBy(() -> SyntheticMotionDataset.generate(tiny(1), folder, ENCODER, 1)).isInstanceOf(IOException.class)
                .hasMessageContaining(blocked.toString());
        Path missingFolder = folder.resolve("missing/video.mp4");
        assertThatThrownBy(() -> video.write(missingFolder, ENCODER)).isInstanceOf(IOException.class)
                .hasMessageContaining(missingFolder.toString());
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(blocked);
        }
    }

    @Test
    void aFailureIsThrownOnlyOnceTheVideosUnderWayHaveStopped() {
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        List<SyntheticMotionDataset.VideoJob> jobs = List.of(() -> {
            try {
                started.await();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            throw new IOException("videos/a.mp4: cannot write (file too large)");
        }, () -> {
            // A video under way when the other fails (an encoder does not stop for an interrupt): it removes its
            // unfinished file before it stops.
            started.countDown();
            long end = System.nanoTime() + 300_000_000L;
            while (System.nanoTime() < end) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    // Goes on, as the encoder would.
                }
            }
            stopped.set(true);
        });

        assertThatThrownBy(() -> SyntheticMotionDataset.writeVideos(jobs, 2))
                .hasMessage("videos/a.mp4: cannot write (file too large)");
        assertThat(stopped).as("the other video had stopped when the failure was thrown").isTrue();
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

    /** Every frame of a written video, decoded by the video plugin's reader, after checking its header. */
    static List<byte[]> decode(Path file) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        try (VideoReader reader = new FfmpegReaderFactory().create(FfmpegReaderConfig.DEFAULTS).open(file)) {
            reader.stream(0).forEachRemaining(frame -> frames.add(frame.pixels()));
            assertThat(reader.metadata().width()).isEqualTo(64);
            assertThat(reader.metadata().height()).isEqualTo(48);
            assertThat(reader.metadata().fps()).isEqualTo(25.0);
            assertThat(reader.metadata().frameCount()).isEqualTo(frames.size());
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
