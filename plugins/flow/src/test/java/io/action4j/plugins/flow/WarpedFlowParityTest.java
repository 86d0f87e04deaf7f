package io.action4j.plugins.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.flow.FlowEstimator;
import io.action4j.api.flow.FlowField;
import io.action4j.api.video.VideoFrame;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Warped Farneback flow against the same steps in Debian's python3-opencv 4.6 (ORB features, cross-checked Hamming
 * matches, RANSAC homography at 3 px, the second frame warped with replicated borders, Farneback), on a 4-pixel pan
 * over a real frame; the reference ({@code warped_farneback_pan.properties}) is written by
 * {@code make_flow_fixture.py}. The fields agree bit for bit, so the reference holds their MD5, not 500 kB.
 */
class WarpedFlowParityTest {

    @Test
    void warpedFarnebackFlowEqualsCv2sBitForBit() throws Exception {
        Properties reference = new Properties();
        reference.load(new StringReader(new String(FlowParityTest.resource("warped_farneback_pan.properties"),
                StandardCharsets.UTF_8)));
        WarpedFlowTest.Scene scene = WarpedFlowTest.Scene.load();
        assertThat(md5(scene.rgb())).as("the scene decoded as cv2 decodes it")
                .isEqualTo(reference.getProperty("sceneMd5"));
        VideoFrame first = scene.window(0, 0);
        VideoFrame second = scene.window(WarpedFlowTest.PAN, 1);
        try (FlowEstimator warped = new FarnebackFactory().create(new FarnebackConfig(0.5, 3, 15, 3, 5, 1.2, false,
                true))) {
            FlowField flow = warped.estimate(first, second);
            ByteBuffer interleaved = ByteBuffer.allocate(flow.values().length * 4).order(ByteOrder.LITTLE_ENDIAN);
            int pixels = flow.width() * flow.height();
            for (int i = 0; i < pixels; i++) {
                interleaved.putFloat(flow.values()[i]).putFloat(flow.values()[pixels + i]);
            }
            double meanX = 0;
            for (int i = 0; i < pixels; i++) {
                meanX += flow.values()[i];
            }
            System.out.printf("warped flow: mean x %.6f (cv2 %s)%n", meanX / pixels,
                    reference.getProperty("flowMeanX"));
            assertThat(md5(interleaved.array())).isEqualTo(reference.getProperty("flowMd5"));
        }
    }

    static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }
}
