package io.action4j.plugins.hog;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.action4j.api.detection.Keyframe;
import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.detection.PersonBox;
import io.action4j.api.detection.PersonBoxSource;
import io.action4j.api.video.VideoFrame;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.HOGDescriptor;

/**
 * People on a frame by OpenCV's HOG descriptor and its default linear SVM (Dalal and Triggs, trained on
 * INRIA pedestrians), compiled into OpenCV: nothing to download, so it is always there. It finds upright
 * people whose window (64 x 128 pixels at the detection scale) fits; small people need {@code upscale}.
 * A box's score is the logistic of its SVM margin. Holds native memory: close it. Not thread-safe.
 */
final class HogPeopleDetector implements PersonBoxSource {

    private final HogConfig config;
    private final HOGDescriptor hog = new HOGDescriptor();
    private final Mat svm;

    HogPeopleDetector(HogConfig config) {
        this.config = config;
        // The default people detector: the window's descriptor length weights, then the bias.
        int length = (int) hog.getDescriptorSize() + 1;
        float[] weights = new float[length];
        HOGDescriptor.getDefaultPeopleDetector().capacity(length).get(weights);
        this.svm = new Mat(1, length, CV_32F);
        svm.data().capacity((long) length * Float.BYTES).asByteBuffer().order(ByteOrder.nativeOrder())
                .asFloatBuffer().put(weights);
        hog.setSVMDetector(svm);
    }

    @Override
    public List<PersonBox> boxes(Keyframe keyframe) {
        VideoFrame frame = keyframe.frame();
        if (frame.channels() != 3) {
            throw new IllegalArgumentException("the HOG people detector reads RGB frames, got " + frame.channels()
                    + " channels at " + keyframe.videoId() + " " + keyframe.timestampSeconds() + " s");
        }
        try (Mat rgb = new Mat(frame.height(), frame.width(), CV_8UC3);
             Mat bgr = new Mat();
             Mat scaled = new Mat();
             RectVector found = new RectVector();
             Size winStride = new Size(config.winStride(), config.winStride());
             Size padding = new Size(config.padding(), config.padding())) {
            rgb.data().capacity(frame.pixels().length).put(frame.pixels());
            cvtColor(rgb, bgr, COLOR_RGB2BGR);
            Mat input = bgr;
            if (config.upscale() != 1.0) {
                resize(bgr, scaled, new Size(), config.upscale(), config.upscale(), INTER_LINEAR);
                input = scaled;
            }
            return detect(input, found, winStride, padding);
        }
    }

    private List<PersonBox> detect(Mat input, RectVector found, Size winStride, Size padding) {
        try (DoublePointer margins = new DoublePointer()) {
            hog.detectMultiScale(input, found, margins, config.hitThreshold(), winStride, padding, config.scale(),
                    config.finalThreshold(), false);
            List<PersonBox> boxes = new ArrayList<>();
            double width = input.cols();
            double height = input.rows();
            for (long i = 0; i < found.size(); i++) {
                Rect rect = found.get(i);
                double margin = margins.isNull() || margins.capacity() <= i ? 0 : margins.get(i);
                float score = (float) (1 / (1 + Math.exp(-margin)));
                if (score < config.minScore()) {
                    continue;
                }
                boxes.add(new PersonBox(new NormalizedBox(clamp(rect.x() / width), clamp(rect.y() / height),
                        clamp((rect.x() + rect.width()) / width), clamp((rect.y() + rect.height()) / height)), score));
            }
            boxes.sort(Comparator.comparingDouble(PersonBox::score).reversed());
            return boxes;
        }
    }

    private static float clamp(double value) {
        return (float) Math.max(0, Math.min(1, value));
    }

    @Override
    public void close() {
        svm.close();
        hog.close();
    }
}
