package io.action4j.localization.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.result.TemporalSegment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineTest {

    @TempDir
    Path dir;

    private static Timeline timeline() {
        Timeline timeline = new Timeline(List.of("run", "jump"));
        timeline.add(new Timeline.Row("a<b>.mp4", 10, List.of(new TemporalSegment(2, 4, 1, 0.8),
                new TemporalSegment(6, 7, -1, 0.2)), List.of(new TemporalSegment(2, 5, -1, 1))));
        return timeline;
    }

    @Test
    void htmlHasTheVideoTheTruthAndThePredictionsWithTheirTimesAndLabels() throws Exception {
        Path file = dir.resolve("t.html");

        timeline().write(file);

        String html = Files.readString(file);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("a&lt;b&gt;.mp4 (10.0 s)").contains("ground truth")
                .contains("<title>2.00 s - 4.00 s, score 0.8000 jump</title>")
                .contains("<title>6.00 s - 7.00 s, score 0.2000</title>")
                .contains("<title>2.00 s - 5.00 s, score 1.0000</title>");
    }

    @Test
    void pngDrawsTruthAndPredictionsWhereTheirTimesAre() throws Exception {
        Path file = dir.resolve("t.png");

        timeline().write(file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        // The axis runs from x = 150 to 990 over 10 s: 3 s is at x = 402; the truth band starts at y = 36.
        int truth = image.getRGB(402, 36 + 9) & 0xFFFFFF;
        int prediction = image.getRGB(402, 36 + 18 + 9) & 0xFFFFFF;
        int empty = image.getRGB(402 + 84 * 3, 36 + 9) & 0xFFFFFF;
        assertThat(truth).isEqualTo(0x2e7d32);
        assertThat(prediction >> 16 & 0xFF).isLessThan(prediction & 0xFF); // blue
        assertThat(empty).isEqualTo(0xFFFFFF);
    }

    @Test
    void otherExtensionsAreRefusedByName() {
        assertThatThrownBy(() -> timeline().write(dir.resolve("t.svg"))).hasMessageContaining("t.svg")
                .hasMessageContaining(".html or .png");
    }
}
