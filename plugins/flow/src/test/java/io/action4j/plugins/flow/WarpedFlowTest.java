package io.action4j.plugins.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import io.action4j.api.flow.FlowEstimator;
import io.action4j.api.flow.FlowField;
import io.action4j.api.video.VideoFrame;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * Warped flow on a camera pan: a still scene (a real frame of MMAction2's test data, 320x240) seen through a window
 * that moves 4 pixels right between the frames. Plain flow sees the whole scene move 4 pixels left; warped flow
 * removes the pan and sees (nearly) nothing, while an object's own motion survives it.
 */
class WarpedFlowTest {

    static final int WIDTH = 288;
    static final int HEIGHT = 216;
    static final int PAN = 4;

    @Test
    void warpedFlowRemovesACameraPan() {
        Scene scene = Scene.load();
        VideoFrame first = scene.window(0, 0);
        VideoFrame second = scene.window(PAN, 1);
        try (FlowEstimator plain = new FarnebackFactory().create(FarnebackConfig.DEFAULTS);
             FlowEstimator warped = new FarnebackFactory().create(warped())) {
            double plainDx = centreMean(plain.estimate(first, second), true);
            double warpedDx = centreMean(warped.estimate(first, second), true);
            System.out.printf("camera pan of %d px: mean x flow %.3f plain, %.3f warped%n", PAN, plainDx, warpedDx);
            // Farneback underestimates the pan where the scene is flat: the centre's mean is -3.2, not -4.
            assertThat(plainDx).isLessThan(-2.5);
            assertThat(Math.abs(warpedDx)).isLessThan(0.2);
        }
    }

    @Test
    void warpedFlowKeepsAnObjectsOwnMotion() {
        Scene scene = Scene.load();
        byte[] patch = scene.patch(200, 150, 40);
        VideoFrame first = withPatch(scene.window(0, 0), patch, 60, 50);
        // The camera pans 4 px right and the object moves 6 px down in the scene.
        VideoFrame second = withPatch(scene.window(PAN, 1), patch, 60 - PAN, 56);
        try (FlowEstimator plain = new FarnebackFactory().create(FarnebackConfig.DEFAULTS);
             FlowEstimator warped = new FarnebackFactory().create(warped())) {
            FlowField before = plain.estimate(first, second);
            FlowField after = warped.estimate(first, second);
            System.out.printf("object (x, y) flow (%.3f, %.3f) plain, (%.3f, %.3f) warped; background x flow %.3f "
                    + "plain, %.3f warped%n", mean(before, true, 70, 62, 20, 20), mean(before, false, 70, 62, 20, 20),
                    mean(after, true, 70, 62, 20, 20), mean(after, false, 70, 62, 20, 20),
                    mean(before, true, 180, 120, 60, 60), mean(after, true, 180, 120, 60, 60));
            // The object's downward motion is the same with and without the camera's; its share of the pan goes.
            assertThat(mean(after, false, 70, 62, 20, 20)).isGreaterThan(1)
                    .isCloseTo(mean(before, false, 70, 62, 20, 20), within(0.2));
            assertThat(mean(after, true, 70, 62, 20, 20)).isGreaterThan(mean(before, true, 70, 62, 20, 20) + 1);
            assertThat(mean(before, true, 180, 120, 60, 60)).isLessThan(-1.5);
            assertThat(mean(after, true, 180, 120, 60, 60)).isCloseTo(0, within(0.2));
        }
    }

    @Test
    void framesWithNothingToMatchAreUsedAsTheyAre() {
        VideoFrame flat = new VideoFrame(0, 64, 48, 3, new byte[64 * 48 * 3]);
        try (CameraMotion motion = new CameraMotion(); FlowEstimator warped = new FarnebackFactory().create(warped());
             Mat grey = new Mat(48, 64, CV_8UC1)) {
            FlowField flow = warped.estimate(flat, flat);
            assertThat(flow.values()).containsOnly(0f);
            assertThat(motion.align(grey, grey)).isSameAs(grey);
            assertThat(motion.lastAligned()).isFalse();
        }
    }

    private static FarnebackConfig warped() {
        return new FarnebackConfig(0.5, 3, 15, 3, 5, 1.2, false, true);
    }

    /** The scene as RGB bytes, 320x240. */
    record Scene(int width, byte[] rgb) {

        static Scene load() {
            byte[] jpeg = FlowParityTest.resource("scene_320x240.jpg");
            try (Mat encoded = new Mat(1, jpeg.length, CV_8UC1); Mat bgr = new Mat(); Mat rgb = new Mat()) {
                encoded.data().put(jpeg);
                opencv_imgcodecs.imdecode(encoded, opencv_imgcodecs.IMREAD_COLOR, bgr);
                opencv_imgproc.cvtColor(bgr, rgb, opencv_imgproc.COLOR_BGR2RGB);
                byte[] pixels = new byte[rgb.cols() * rgb.rows() * 3];
                rgb.data().get(pixels);
                assertThat(rgb.cols()).isEqualTo(320);
                return new Scene(rgb.cols(), pixels);
            }
        }

        VideoFrame window(int left, int index) {
            byte[] pixels = new byte[WIDTH * HEIGHT * 3];
            for (int y = 0; y < HEIGHT; y++) {
                System.arraycopy(rgb, ((y + 8) * width + left + 8) * 3, pixels, y * WIDTH * 3, WIDTH * 3);
            }
            return new VideoFrame(index, WIDTH, HEIGHT, 3, pixels);
        }

        byte[] patch(int left, int top, int size) {
            byte[] pixels = new byte[size * size * 3];
            for (int y = 0; y < size; y++) {
                System.arraycopy(rgb, ((top + y) * width + left) * 3, pixels, y * size * 3, size * 3);
            }
            return pixels;
        }
    }

    static VideoFrame withPatch(VideoFrame frame, byte[] patch, int left, int top) {
        byte[] rgb = frame.pixels().clone();
        for (int y = 0; y < 40; y++) {
            System.arraycopy(patch, y * 40 * 3, rgb, ((top + y) * WIDTH + left) * 3, 40 * 3);
        }
        return new VideoFrame(frame.index(), WIDTH, HEIGHT, 3, rgb);
    }

    /** The mean displacement over the frame's centre (away from the borders a pan uncovers). */
    static double centreMean(FlowField flow, boolean x) {
        return mean(flow, x, 24, 24, WIDTH - 48, HEIGHT - 48);
    }

    static double mean(FlowField flow, boolean x, int left, int top, int width, int height) {
        double sum = 0;
        for (int row = top; row < top + height; row++) {
            for (int column = left; column < left + width; column++) {
                sum += x ? flow.dx(column, row) : flow.dy(column, row);
            }
        }
        return sum / (width * height);
    }
}
