package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.action4j.api.ComponentKind;
import io.action4j.api.flow.FlowEstimator;
import io.action4j.api.flow.FlowField;
import io.action4j.api.flow.FlowQuantization;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.data.VideoReaders;
import io.action4j.engine.flow.FlowEstimators;
import io.action4j.registry.PluginLoader;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ComponentSpec;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code action4j flow extract} on MMAction2's test videos and frames. */
class FlowExtractEndToEndTest {

    static Path fixture(String relative) {
        Path file = Launcher.repository().resolveSibling("shared").resolve("fixtures/mmaction2").resolve(relative);
        assumeTrue(Files.exists(file), "missing fixture " + file + " (the ../shared checkout); skipping");
        return file;
    }

    /** The first {@code pairs + 1} frames of the rawframe folder, as a folder of their own. */
    static Path frames(Path temporary, String name, int count) throws Exception {
        Path folder = Files.createDirectories(temporary.resolve(name));
        for (int i = 1; i <= count; i++) {
            String file = String.format("img_%05d.jpg", i);
            Files.copy(fixture("tests/data/imgs/" + file), folder.resolve(file));
        }
        return folder;
    }

    @Test
    void extractsStoredFlowThatIsTheEstimatorsFlowQuantizedAndResumes(@TempDir Path temporary) throws Exception {
        Path video = frames(temporary, "clip", 10);
        Path out = temporary.resolve("flow");
        Launcher.Result result = Launcher.run("flow", "extract", "--method", "farneback", "--preview", "--out",
                out.toString(), video.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains(video + ": 9 pairs -> " + out.resolve("clip"))
                .contains("9 computed, 0 skipped").containsPattern("farneback: 1 videos, 9 pairs computed in "
                        + "[0-9.]+ s: [0-9.]+ pairs/s on 1 thread");
        Path folder = out.resolve("clip");
        assertThat(listing(folder)).hasSize(20).contains("x_00009.jpg", "y_00009.jpg", "flow_preview.png",
                "flow_settings.txt");
        assertThat(ImageIO.read(folder.resolve("flow_preview.png").toFile()).getWidth()).isEqualTo(640);

        // The stored flow, read by the rawframes reader, is the estimator's flow of the decoded frames, quantized.
        PluginRegistry registry = PluginLoader.load(getClass().getClassLoader(), List.of());
        List<VideoFrame> rgb;
        try (VideoReader reader = VideoReaders.byPath(registry).decoderFor(video).open(video)) {
            rgb = reader.read(new int[] {4, 5});
        }
        FlowField expected;
        try (FlowEstimator farneback = ComponentSpec.defaults(registry.find(ComponentKind.FLOW_ESTIMATOR,
                "farneback")).create(FlowEstimator.class)) {
            expected = farneback.estimate(rgb.get(0), rgb.get(1));
        }
        VideoFrame stored = FlowStorageEndToEndTest.readFlowFolder(folder).get(3);
        assertThat(stored.index()).isEqualTo(4);
        byte[][] levels = FlowQuantization.levels(expected, 20);
        int largest = 0;
        for (int i = 0; i < levels[0].length; i++) {
            largest = Math.max(largest, Math.abs((levels[0][i] & 0xff) - (stored.pixels()[2 * i] & 0xff)));
            largest = Math.max(largest, Math.abs((levels[1][i] & 0xff) - (stored.pixels()[2 * i + 1] & 0xff)));
        }
        assertThat(largest).as("JPEG's error on the stored levels").isBetween(0, 2);

        // Run again after losing two files: only that pair is computed.
        Files.delete(folder.resolve("x_00003.jpg"));
        Files.delete(folder.resolve("flow_preview.png"));
        Launcher.Result resumed = Launcher.run("flow", "extract", "--out", out.toString(), "--preview",
                video.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("1 computed, 8 skipped").contains("(8 already there, skipped)");
        assertThat(listing(folder)).hasSize(20);

        // Resuming with another estimator would mix two kinds of flow in one folder.
        Launcher.Result other = Launcher.run("flow", "extract", "--method", "dis", "--out", out.toString(),
                video.toString());
        assertThat(other.exitCode()).isEqualTo(1);
        assertThat(other.err()).contains(folder + " holds flow extracted with farneback FarnebackConfig[")
                .contains("this run would add flow of dis DisConfig[preset=fast");
    }

    @Test
    void configsSetsAndParallelVideos(@TempDir Path temporary) throws Exception {
        Path mp4 = fixture("tests/data/test.mp4");
        Path frames = frames(temporary, "frames", 4);
        Path out = temporary.resolve("flow");
        Launcher.Result result = Launcher.run("flow", "extract", "--config",
                Launcher.repository().resolve("configs/flow/dis_medium.yaml").toString(), "--set", "flow.preset=fast",
                "--threads", "2", "--bidirectional", "--bound", "10", "--out", out.toString(), frames.toString(),
                mp4.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("dis: 2 videos, [0-9]+ pairs computed in [0-9.]+ s: [0-9.]+ pairs/s "
                + "on 2 threads");
        assertThat(listing(out.resolve("frames"))).containsExactly("backward_x_00001.jpg", "backward_x_00002.jpg",
                "backward_x_00003.jpg", "backward_y_00001.jpg", "backward_y_00002.jpg", "backward_y_00003.jpg",
                "flow_settings.txt", "x_00001.jpg", "x_00002.jpg", "x_00003.jpg", "y_00001.jpg", "y_00002.jpg",
                "y_00003.jpg");
        assertThat(listing(out.resolve("test"))).hasSizeGreaterThan(40).contains("backward_y_00001.jpg");
    }

    @Test
    void aVideoOfOneFrameIsAClearErrorAndTheOthersAreExtracted(@TempDir Path temporary) throws Exception {
        Path single = frames(temporary, "single", 1);
        Path pair = frames(temporary, "pair", 2);
        Launcher.Result result = Launcher.run("flow", "extract", "--out", temporary.resolve("flow").toString(),
                single.toString(), pair.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("error: " + single + ": flow needs at least 2 frames, the video has 1");
        assertThat(result.out()).contains("1 failed");
        assertThat(listing(temporary.resolve("flow/pair"))).containsExactly("flow_settings.txt", "x_00001.jpg",
                "y_00001.jpg");
    }

    @Test
    void anUnknownEstimatorOrParameterIsNamed(@TempDir Path temporary) throws Exception {
        Path pair = frames(temporary, "pair", 2);
        Launcher.Result unknown = Launcher.run("flow", "extract", "--method", "raft", "--out",
                temporary.resolve("flow").toString(), pair.toString());
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("raft").contains("farneback").contains("tvl1").contains("dis");
        Launcher.Result badValue = Launcher.run("flow", "extract", "--method", "dis", "--set", "flow.preset=slow",
                "--out", temporary.resolve("flow").toString(), pair.toString());
        assertThat(badValue.exitCode()).isNotZero();
        assertThat(badValue.err()).contains("flow.preset").contains("slow");
        assertThat(temporary.resolve("flow")).doesNotExist();
    }

    /**
     * The harshest interruption: the extracting JVM killed (SIGKILL) in the middle of a video. The same command
     * then finishes the job, and the folder holds exactly the files of an uninterrupted run, byte for byte: no
     * corrupt JPEG, no temporary left behind.
     */
    @Test
    void aKilledExtractionResumesToTheFilesOfAnUninterruptedOne(@TempDir Path temporary) throws Exception {
        Path video = frames(temporary, "clip", 6);
        Path whole = temporary.resolve("whole");
        assertThat(Launcher.run("flow", "extract", "--method", "tvl1", "--out", whole.toString(), video.toString())
                .exitCode()).isZero();

        Path killed = temporary.resolve("killed");
        Path folder = killed.resolve("clip");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "io.action4j.launcher.Main", "flow", "extract", "--method", "tvl1", "--out", killed.toString(),
                video.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temporary.resolve("child.log").toFile());
        builder.environment().put("HOME", temporary.toString());
        Process child = builder.start();
        try {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!Files.exists(folder.resolve("x_00002.jpg")) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(child.isAlive()).as("the extraction was still running when killed; its log: %s",
                    Files.readString(temporary.resolve("child.log"))).isTrue();
        } finally {
            child.destroyForcibly().waitFor();
        }
        List<String> left = listing(folder);
        assertThat(left).contains("x_00002.jpg").doesNotContain("x_00005.jpg");

        Launcher.Result resumed = Launcher.run("flow", "extract", "--method", "tvl1", "--out", killed.toString(),
                video.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).containsPattern("\\(([2-4]) already there, skipped\\)");
        assertThat(listing(folder)).isEqualTo(listing(whole.resolve("clip")));
        for (String name : listing(folder)) {
            assertThat(Files.readAllBytes(folder.resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(whole.resolve("clip").resolve(name)));
        }
    }

    @Test
    void everyCommittedFlowConfigBindsToItsEstimator() throws Exception {
        PluginRegistry registry = PluginLoader.load(getClass().getClassLoader(), List.of());
        ConfigLoader loader = new ConfigLoader();
        ConfigBinder binder = new ConfigBinder(registry);
        Path configs = Launcher.repository().resolve("configs/flow");
        assertThat(FlowEstimators.fromFile(loader, binder, configs.resolve("farneback.yaml"), List.of()).config())
                .hasToString("FarnebackConfig[pyrScale=0.5, levels=3, winSize=15, iterations=3, polyN=5, "
                        + "polySigma=1.2, gaussian=false, warpedFlow=false]");
        assertThat(FlowEstimators.fromFile(loader, binder, configs.resolve("tvl1.yaml"), List.of()).type())
                .isEqualTo("tvl1");
        assertThat(FlowEstimators.fromFile(loader, binder, configs.resolve("tvl1_warped.yaml"), List.of()).config()
                .toString()).contains("medianFiltering=5").endsWith("warpedFlow=true]");
        assertThat(FlowEstimators.fromFile(loader, binder, configs.resolve("dis_medium.yaml"),
                List.of("flow.patchSize=12")).config().toString()).contains("preset=medium").contains("patchSize=12");
    }

    /** Every file in the folder, hidden ones (a temporary left behind) included. */
    static List<String> listing(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
