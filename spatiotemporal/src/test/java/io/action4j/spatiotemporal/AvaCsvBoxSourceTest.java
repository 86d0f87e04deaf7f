package io.action4j.spatiotemporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.detection.Keyframe;
import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.detection.PersonBox;
import io.action4j.api.detection.PersonBoxSource;
import io.action4j.api.video.VideoFrame;
import io.action4j.spatiotemporal.ava.AvaFormatException;
import io.action4j.spatiotemporal.boxes.AvaCsvBoxSource;
import io.action4j.spatiotemporal.boxes.AvaCsvBoxSourceConfig;
import io.action4j.spatiotemporal.boxes.AvaCsvBoxSourceFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvaCsvBoxSourceTest {

    private static final NormalizedBox FIRST = new NormalizedBox(0.1f, 0.2f, 0.5f, 0.9f);
    private static final NormalizedBox SECOND = new NormalizedBox(0.5f, 0.1f, 0.8f, 0.7f);
    private static final NormalizedBox WEAK = new NormalizedBox(0.0f, 0.0f, 0.1f, 0.1f);

    @TempDir
    Path dir;

    private static final VideoFrame FRAME = new VideoFrame(0, 2, 2, 3, new byte[12]);

    /** What the source gives for the keyframe, the boxes alone. */
    private static List<NormalizedBox> boxes(PersonBoxSource source, String video, double seconds) {
        return source.boxes(new Keyframe(video, seconds, FRAME)).stream().map(PersonBox::box).toList();
    }

    private PersonBoxSource source(double minScore) throws IOException {
        Path file = dir.resolve("boxes.csv");
        Files.writeString(file, String.join("\n",
                "vid_a,0902,0.500,0.100,0.800,0.700,1,0.60",
                "vid_a,0902,0.100,0.200,0.500,0.900,1,0.90",
                "vid_a,0902,0.500,0.100,0.800,0.700,12,0.95",
                "vid_a,0902,0.000,0.000,0.100,0.100,1,0.05",
                "vid_a,0903,0.100,0.200,0.500,0.900,1",
                ""));
        AvaCsvBoxSourceFactory factory = new AvaCsvBoxSourceFactory();
        return factory.create(new AvaCsvBoxSourceConfig(file.toString(), minScore));
    }

    @Test
    void boxesComeOncePerPersonBestScoreFirst() throws IOException {
        assertThat(boxes(source(0.0), "vid_a", 902)).containsExactly(SECOND, FIRST, WEAK);
    }

    @Test
    void boxesBelowTheMinimumScoreAreDropped() throws IOException {
        assertThat(boxes(source(0.5), "vid_a", 902)).containsExactly(SECOND, FIRST);
    }

    /** Rows without a score count as 1.0, as in MMAction2's reader. */
    @Test
    void aSevenColumnRowCountsAsCertain() throws IOException {
        assertThat(boxes(source(1.0), "vid_a", 903)).containsExactly(FIRST);
    }

    @Test
    void keyframesAreMatchedByWholeSecond() throws IOException {
        PersonBoxSource source = source(0.0);

        assertThat(boxes(source, "vid_a", 902.4)).hasSize(3);
        assertThat(boxes(source, "vid_a", 902.9999999)).containsExactly(FIRST);
        assertThat(boxes(source, "vid_a", 904)).isEmpty();
        assertThat(boxes(source, "vid_b", 902)).isEmpty();
    }

    @Test
    void eachPersonComesWithItsBestScore() throws IOException {
        try (PersonBoxSource source = source(0.0)) {
            assertThat(source.boxes(new Keyframe("vid_a", 902, FRAME))).containsExactly(
                    new PersonBox(SECOND, 0.95f), new PersonBox(FIRST, 0.90f), new PersonBox(WEAK, 0.05f));
        }
    }

    @Test
    void aBadRowIsReportedWithFileAndLine() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "vid_a,0902,0.1,0.2,0.5,0.9,1,0.9\nvid_a,0902,0.1,oops,0.5,0.9,1,0.9\n");
        AvaCsvBoxSourceFactory factory = new AvaCsvBoxSourceFactory();

        assertThatThrownBy(() -> factory.create(new AvaCsvBoxSourceConfig(file.toString(), 0.0)))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(AvaFormatException.class)
                .hasMessageContaining(file + ":2");
    }

    @Test
    void boxesOutsideTheFrameAreClippedOrRejectedWithFileAndLine() throws IOException {
        Path file = dir.resolve("outside.csv");
        Files.writeString(file, "vid_a,0902,0.1,0.2,0.5,0.9,1,0.9\nvid_a,0902,-0.1,0.2,0.5,1.2,1,0.8\n");
        AvaCsvBoxSourceFactory factory = new AvaCsvBoxSourceFactory();

        io.action4j.spatiotemporal.boxes.AvaCsvBoxSource clipped = (io.action4j.spatiotemporal.boxes.AvaCsvBoxSource) factory.create(new AvaCsvBoxSourceConfig(file.toString(), 0.0));

        assertThat(clipped.boxes("vid_a", 902)).extracting(box -> box.box())
                .contains(new io.action4j.api.detection.NormalizedBox(0f, 0.2f, 0.5f, 1f));
        assertThatThrownBy(() -> factory.create(new AvaCsvBoxSourceConfig(file.toString(), 0.0, "reject")))
                .hasCauseInstanceOf(AvaFormatException.class)
                .hasMessageContaining(file + ":2").hasMessageContaining("reaches outside the frame [0, 1]");
    }

    @Test
    void detectsKeyframeJsonLinesFeedAnotherRunAndABadLineIsNamed() throws IOException {
        Path file = dir.resolve("run.keyframes.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"video\":\"vid_a\",\"keyframe\":0,\"seconds\":902.0,\"people\":[{\"track\":1,"
                        + "\"box\":[0.1,0.2,0.5,0.9],\"boxScore\":0.9,\"actions\":[]},"
                        + "{\"box\":[0.5,0.1,0.8,0.7],\"boxScore\":0.95}]}",
                "{\"video\":\"vid_a\",\"seconds\":903,\"people\":[]}", ""));

        PersonBoxSource source = AvaCsvBoxSource.read(file, 0.0);

        assertThat(boxes(source, "vid_a", 902)).containsExactly(SECOND, FIRST);
        assertThat(boxes(source, "vid_a", 903)).isEmpty();

        Files.writeString(file, "{\"video\":\"vid_a\",\"seconds\":902,\"people\":[{\"box\":[0.1,0.2]}]}\n");
        assertThatThrownBy(() -> AvaCsvBoxSource.read(file, 0.0)).isInstanceOf(AvaFormatException.class)
                .hasMessageContaining(file + ":1:")
                .hasMessageContaining("[x1, y1, x2, y2]");
    }
}
