package io.action4j.plugins.flow;

import static org.bytedeco.opencv.global.opencv_calib3d.RANSAC;
import static org.bytedeco.opencv.global.opencv_calib3d.findHomography;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.NORM_HAMMING;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

import java.nio.FloatBuffer;
import org.bytedeco.opencv.opencv_core.DMatch;
import org.bytedeco.opencv.opencv_core.DMatchVector;
import org.bytedeco.opencv.opencv_core.KeyPoint;
import org.bytedeco.opencv.opencv_core.KeyPointVector;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_features2d.BFMatcher;
import org.bytedeco.opencv.opencv_features2d.ORB;

/**
 * Camera-motion compensation for warped flow (iDT, TSN): the homography that maps the second frame onto the
 * first is estimated from matched ORB features with RANSAC, and the second frame is warped by it, so that the
 * flow computed afterwards holds what moved in the scene and not the camera's pan, tilt or zoom. When too few
 * features match, or no homography is found, the second frame is used as it is. Not thread-safe; every native
 * object is reused from call to call and released in {@link #close()}.
 */
final class CameraMotion implements AutoCloseable {

    /** Fewer matches than this give no trustworthy homography (it has 8 degrees of freedom). */
    static final int MIN_MATCHES = 12;
    /** RANSAC's inlier distance, pixels; 2000 iterations and 0.995 confidence are OpenCV's defaults. */
    static final double REPROJECTION_THRESHOLD = 3.0;

    private final ORB orb = ORB.create();
    private final BFMatcher matcher = new BFMatcher(NORM_HAMMING, true);
    private final KeyPointVector previousKeypoints = new KeyPointVector();
    private final KeyPointVector nextKeypoints = new KeyPointVector();
    private final Mat previousDescriptors = new Mat();
    private final Mat nextDescriptors = new Mat();
    private final Mat noMask = new Mat();
    private final DMatchVector matches = new DMatchVector();
    private final Mat nextPoints = new Mat();
    private final Mat previousPoints = new Mat();
    private final Mat inliers = new Mat();
    private final Mat aligned = new Mat();
    private final Scalar black = new Scalar(0.0);
    /** Whether the last call found a homography (for tests and diagnostics). */
    private boolean lastAligned;

    /** {@code next} warped onto {@code previous}, or {@code next} itself when no homography is found. */
    Mat align(Mat previous, Mat next) {
        lastAligned = false;
        orb.detectAndCompute(previous, noMask, previousKeypoints, previousDescriptors);
        orb.detectAndCompute(next, noMask, nextKeypoints, nextDescriptors);
        if (previousDescriptors.empty() || nextDescriptors.empty()) {
            return next;
        }
        matcher.match(nextDescriptors, previousDescriptors, matches);
        int count = (int) matches.size();
        if (count < MIN_MATCHES) {
            return next;
        }
        nextPoints.create(count, 1, CV_32FC2);
        previousPoints.create(count, 1, CV_32FC2);
        FloatBuffer from = nextPoints.createBuffer();
        FloatBuffer to = previousPoints.createBuffer();
        for (int i = 0; i < count; i++) {
            DMatch match = matches.get(i);
            KeyPoint inNext = nextKeypoints.get(match.queryIdx());
            KeyPoint inPrevious = previousKeypoints.get(match.trainIdx());
            from.put(2 * i, inNext.pt().x()).put(2 * i + 1, inNext.pt().y());
            to.put(2 * i, inPrevious.pt().x()).put(2 * i + 1, inPrevious.pt().y());
        }
        try (Mat homography = findHomography(nextPoints, previousPoints, RANSAC, REPROJECTION_THRESHOLD,
                inliers, 2000, 0.995)) {
            if (homography.empty()) {
                return next;
            }
            // Replicated borders: a black band would itself look like motion at the edges.
            try (Size size = next.size()) {
                warpPerspective(next, aligned, homography, size, INTER_LINEAR, BORDER_REPLICATE, black);
            }
        }
        lastAligned = true;
        return aligned;
    }

    boolean lastAligned() {
        return lastAligned;
    }

    @Override
    public void close() {
        for (var pointer : new org.bytedeco.javacpp.Pointer[] {orb, matcher, previousKeypoints, nextKeypoints,
            previousDescriptors, nextDescriptors, noMask, matches, nextPoints, previousPoints, inliers, aligned,
            black}) {
            pointer.close();
        }
    }
}
