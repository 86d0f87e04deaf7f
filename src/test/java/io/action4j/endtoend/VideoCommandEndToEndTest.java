package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoCommandEndToEndTest {

    @TempDir
    Path folder;

    static Path fixture(String relative) {
        Path file = Launcher.repository().resolveSibling("shared").resolve("fixtures/mmaction2").resolve(relative);
        assumeTrue(Files.exists(file), "missing fixture " + file + " (the ../shared checkout); skipping");
        return file;
    }

    @Test
    void checkReportsMetadataOfGoodVideosAndExitsZero() {
        Launcher.Result result = Launcher.run("video", "check", fixture("tests/data/test.mp4").toString(),
                fixture("tests/data/test.avi").toString(), fixture("tests/data/imgs").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .containsPattern("OK   \\S+test\\.mp4  300 frames  30\\.000 fps  340x256  10\\.00 s")
                .containsPattern("OK   \\S+test\\.avi  164 frames  25\\.000 fps  320x240  6\\.56 s")
                .containsPattern("OK   \\S+imgs  10 frames  30\\.000 fps  320x240")
                .contains("3 of 3 videos decode");
    }

    @Test
    void checkNamesEachBadFileAndItsErrorAndExitsOne() throws Exception {
        Path missing = folder.resolve("missing.mp4");
        Path text = Files.writeString(folder.resolve("text.mp4"), "not a video\n".repeat(50));

        Launcher.Result result = Launcher.run("video", "check", "--format", "json",
                fixture("tests/data/test.avi").toString(), missing.toString(), text.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"ok\":true").contains("\"decodedFrames\":164");
        assertThat(lines.get(1)).contains("\"ok\":false").contains(missing + ": file not found");
        assertThat(lines.get(2)).contains("\"ok\":false").contains(text + ": not a readable video");
    }

    @Test
    void checkScreensAnAnnotationListComparingFrameCounts() throws Exception {
        Path data = fixture("tests/data");
        Path list = Files.writeString(folder.resolve("rawframes.txt"), "imgs 10 3\n\nimgs 12 4\nmissing 5 1\n");

        Launcher.Result result = Launcher.run("video", "check", "--annotations", list.toString(),
                "--data-prefix", data.toString(), "--annotation-format", "rawframes");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out())
                .containsPattern("OK   \\S+imgs  10 frames")
                .contains("FAIL " + data.resolve("imgs") + "  " + data.resolve("imgs") + ": the list says 12 frames, the folder has 10")
                .contains("FAIL " + data.resolve("missing") + "  " + data.resolve("missing") + ": folder not found")
                .contains("1 of 3 videos decode");
    }

    @Test
    void checkStopsAtTheFirstBadVideoWhenAsked() throws Exception {
        Path missing = folder.resolve("missing.mp4");

        Launcher.Result result = Launcher.run("video", "check", "--on-error", "fail", missing.toString(),
                fixture("tests/data/test.avi").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("0 of 1 videos decode (stopped at the first failure; 1 not checked)");
    }

    @Test
    void malformedAnnotationLineIsReportedWithItsLineNumber() throws Exception {
        Path list = Files.writeString(folder.resolve("videos.txt"), "a.mp4 1\nb.mp4 one\n");

        Launcher.Result result = Launcher.run("video", "check", "--annotations", list.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("error: " + list + ":2: label is not an integer: 'one'");
    }

    @Test
    void framesWritesTheRequestedFramesAsNpy() throws Exception {
        Path npy = folder.resolve("frames.npy");

        Launcher.Result result = Launcher.run("video", "frames", fixture("tests/data/test.mp4").toString(),
                "--indices", "0,5,17", "--out", npy.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        byte[] file = Files.readAllBytes(npy);
        int headerLength = ByteBuffer.wrap(file, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        String header = new String(file, 10, headerLength, StandardCharsets.US_ASCII);
        assertThat(header).contains("'descr': '|u1'").contains("'shape': (3, 256, 340, 3)");
        assertThat((10 + headerLength) % 64).isZero();
        List<String> reference = Files.readAllLines(
                Launcher.repository().resolve("plugins/video/src/test/resources/reference/test_mp4.framemd5"));
        int frameBytes = 256 * 340 * 3;
        int[] indices = {0, 5, 17};
        for (int i = 0; i < indices.length; i++) {
            byte[] frame = Arrays.copyOfRange(file, 10 + headerLength + i * frameBytes, 10 + headerLength + (i + 1) * frameBytes);
            String expected = reference.get(indices[i]).substring(reference.get(indices[i]).lastIndexOf(',') + 1).trim();
            assertThat(md5(frame)).as("frame %d", indices[i]).isEqualTo(expected);
        }
    }

    @Test
    void framesWriteIntoAFifoAndLeaveItAFifo() throws Exception {
        Path fifo = folder.resolve("frames.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && mkfifo.exitValue() == 0).isTrue();
        Process reader = new ProcessBuilder("wc", "-c", fifo.toString()).start();

        Launcher.Result result = Launcher.run("video", "frames", fixture("tests/data/test.mp4").toString(),
                "--indices", "0", "--out", fifo.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(reader.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        // One 256 x 340 RGB frame after the 128-byte .npy header.
        assertThat(new String(reader.getInputStream().readAllBytes()).trim()).startsWith(128 + 256 * 340 * 3 + " ");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();
    }

    @Test
    void benchmarkReportsThroughputSparseSamplingAndMemory() {
        Launcher.Result result = Launcher.run("video", "benchmark", fixture("tests/data/test.mp4").toString(),
                "--repeat", "1", "--sparse-frames", "4");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .containsPattern("sequential decode to RGB: \\d+\\.\\d+ s = \\d+ frames/s")
                .containsPattern("sparse sampling, 4 frames: \\d+\\.\\d+ s .* faster than decoding every frame")
                .containsPattern("at each tenth of the video \\(MB\\): (\\d+ ){9}\\d+;");
    }

    @Test
    void unknownReaderOptionIsAConfigError() {
        Launcher.Result result = Launcher.run("video", "check", fixture("tests/data/imgs").toString(),
                "--reader-option", "startIdx=0");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("reader.startIdx: unknown key").contains("startIndex");
    }

    private static String md5(byte[] bytes) throws Exception {
        return String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5").digest(bytes)));
    }
}
