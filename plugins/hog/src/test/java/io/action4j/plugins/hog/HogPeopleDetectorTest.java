package io.action4j.plugins.hog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import io.action4j.api.ConfigValueException;
import io.action4j.api.detection.Keyframe;
import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.detection.PersonBox;
import io.action4j.api.detection.PersonBoxSource;
import io.action4j.api.video.VideoFrame;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * On real footage: a crop (x 300-660, y 130-290) of frame 100 of OpenCV's own pedestrian sample
 * {@code vtest.avi} (Debian's opencv-doc), with five people about 80 pixels tall, so found at
 * upscale 2. The people's boxes were drawn by hand on the crop.
 */
class HogPeopleDetectorTest {

    /** The woman walking left and the man beside her, by hand, in the crop's fractions. */
    private static final NormalizedBox WOMAN = box(48, 68, 82, 145);
    private static final NormalizedBox MAN = box(75, 48, 110, 126);

    private static NormalizedBox box(int x1, int y1, int x2, int y2) {
        return new NormalizedBox(x1 / 360f, y1 / 160f, x2 / 360f, y2 / 160f);
    }

    private static VideoFrame crop() throws Exception {
        Path file = Path.of(HogPeopleDetectorTest.class.getResource("/vtest_frame100_crop.jpg").toURI());
        try (Mat bgr = imread(file.toString()); Mat rgb = new Mat()) {
            cvtColor(bgr, rgb, COLOR_BGR2RGB);
            byte[] pixels = new byte[rgb.rows() * rgb.cols() * 3];
            rgb.data().get(pixels);
            return new VideoFrame(0, rgb.cols(), rgb.rows(), 3, pixels);
        }
    }

    @Test
    void findsThePeopleOfOpenCvsPedestrianSample() throws Exception {
        List<PersonBox> found;
        try (PersonBoxSource hog = new HogFactory().create(new HogConfig(2.0, 1.05, 0, 8, 8, 2, 0))) {
            found = hog.boxes(new Keyframe("vtest", 10.0, crop()));
        }

        assertThat(found).hasSizeBetween(5, 9).isSortedAccordingTo((a, b) -> Float.compare(b.score(), a.score()));
        assertThat(found).allSatisfy(person -> {
            assertThat(person.score()).isBetween(0.5f, 1f);
            assertThat(person.box().x1()).isBetween(0f, 1f);
            assertThat(person.box().y2()).isBetween(0f, 1f);
        });
        assertThat(found).as("the woman").anySatisfy(person -> assertThat(iou(person.box(), WOMAN)).isGreaterThan(0.4));
        assertThat(found).as("the man").anySatisfy(person -> assertThat(iou(person.box(), MAN)).isGreaterThan(0.4));
    }

    @Test
    void aFrameWithoutPeopleHasNone() throws Exception {
        VideoFrame grey = new VideoFrame(0, 320, 240, 3, new byte[320 * 240 * 3]);
        try (PersonBoxSource hog = new HogFactory().create(HogConfig.DEFAULTS)) {
            assertThat(hog.boxes(new Keyframe("grey", 0, grey))).isEmpty();
        }
    }

    @Test
    void settingsOutsideTheirRangeNameTheirKey() {
        assertThatThrownBy(() -> new HogConfig(1.0, 1.0, 0, 8, 8, 2, 0))
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo("scale"));
        assertThatThrownBy(() -> new HogConfig(20, 1.05, 0, 8, 8, 2, 0))
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo("upscale"));
    }

    private static double iou(NormalizedBox a, NormalizedBox b) {
        double w = Math.max(0, Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1()));
        double h = Math.max(0, Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1()));
        double inter = w * h;
        return inter / ((a.x2() - a.x1()) * (a.y2() - a.y1()) + (b.x2() - b.x1()) * (b.y2() - b.y1()) - inter);
    }
}
