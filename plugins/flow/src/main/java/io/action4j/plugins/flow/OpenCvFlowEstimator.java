package io.action4j.plugins.flow;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import io.action4j.api.flow.FlowEstimator;
import io.action4j.api.flow.FlowField;
import io.action4j.api.video.VideoFrame;
import java.nio.FloatBuffer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * What the OpenCV estimators share: frames become grey {@code Mat}s (RGB to grey as {@code cv2.cvtColor} does),
 * optionally the second is aligned to the first ({@link CameraMotion}), the algorithm fills a {@code CV_32FC2}
 * field, and the field is copied out planar. Every {@code Mat} is a field reused from call to call and released
 * in {@link #close()}: a {@code Mat} per call left to the garbage collector grows native memory without bound
 * (STACK.md measured ~680 kB a call at 340x256).
 */
abstract class OpenCvFlowEstimator implements FlowEstimator {

    private final Mat previousColour = new Mat();
    private final Mat nextColour = new Mat();
    private final Mat previousGrey = new Mat();
    private final Mat nextGrey = new Mat();
    private final Mat flow = new Mat();
    private final CameraMotion cameraMotion;
    private boolean closed;

    /** @param warpedFlow whether to remove the camera's motion (a homography) before the flow is computed */
    OpenCvFlowEstimator(boolean warpedFlow) {
        this.cameraMotion = warpedFlow ? new CameraMotion() : null;
    }

    /** Fills {@code flow} ({@code CV_32FC2}, the frames' size) with the flow from {@code previous} to {@code next}. */
    abstract void compute(Mat previous, Mat next, Mat flow);

    /** Releases the algorithm's own native objects. */
    abstract void closeAlgorithm();

    @Override
    public final FlowField estimate(VideoFrame previous, VideoFrame next) {
        if (closed) {
            throw new IllegalStateException("this flow estimator is closed");
        }
        if (previous.width() != next.width() || previous.height() != next.height()
                || previous.channels() != next.channels()) {
            throw new IllegalArgumentException("flow needs two frames of one size: frame " + previous.index() + " is "
                    + describe(previous) + ", frame " + next.index() + " is " + describe(next));
        }
        toGrey(previous, previousColour, previousGrey);
        toGrey(next, nextColour, nextGrey);
        Mat second = cameraMotion == null ? nextGrey : cameraMotion.align(previousGrey, nextGrey);
        compute(previousGrey, second, flow);
        return planar(flow, previous.width(), previous.height());
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeAlgorithm();
        if (cameraMotion != null) {
            cameraMotion.close();
        }
        for (Mat mat : new Mat[] {previousColour, nextColour, previousGrey, nextGrey, flow}) {
            mat.close();
        }
    }

    /** Empties the output so that an algorithm that would start from a field of the right size starts from none. */
    void forgetPreviousFlow() {
        flow.release();
    }

    private static void toGrey(VideoFrame frame, Mat colour, Mat grey) {
        switch (frame.channels()) {
            case 3 -> {
                colour.create(frame.height(), frame.width(), CV_8UC3);
                colour.data().put(frame.pixels());
                cvtColor(colour, grey, COLOR_RGB2GRAY);
            }
            case 1 -> {
                grey.create(frame.height(), frame.width(), CV_8UC1);
                grey.data().put(frame.pixels());
            }
            default -> throw new IllegalArgumentException("flow needs RGB or grey frames; frame " + frame.index()
                    + " has " + frame.channels() + " channels");
        }
    }

    /** OpenCV's interleaved (x, y) per pixel to the api's planes: all x, then all y. */
    private static FlowField planar(Mat flow, int width, int height) {
        if (flow.type() != CV_32FC2 || flow.cols() != width || flow.rows() != height || !flow.isContinuous()) {
            throw new IllegalStateException("OpenCV returned a " + flow.cols() + "x" + flow.rows() + " field of type "
                    + flow.type() + " for " + width + "x" + height + " frames");
        }
        int pixels = width * height;
        float[] values = new float[2 * pixels];
        FloatBuffer interleaved = flow.createBuffer();
        for (int i = 0; i < pixels; i++) {
            values[i] = interleaved.get(2 * i);
            values[pixels + i] = interleaved.get(2 * i + 1);
        }
        return new FlowField(width, height, values);
    }

    private static String describe(VideoFrame frame) {
        return frame.width() + "x" + frame.height() + "x" + frame.channels();
    }
}
