package io.action4j.plugins.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.ComponentFactory;
import io.action4j.api.ComponentKind;
import io.action4j.api.ConfigValueException;
import io.action4j.api.VideoPlugin;
import io.action4j.api.flow.FlowEstimator;
import io.action4j.api.flow.FlowField;
import io.action4j.api.video.VideoFrame;
import org.bytedeco.opencv.opencv_video.DISOpticalFlow;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class FlowPluginTest {

    @Test
    void isFoundByServiceLoaderWithItsThreeEstimators() {
        List<VideoPlugin> plugins = ServiceLoader.load(VideoPlugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(FlowPlugin.class::isInstance).toList();
        assertThat(plugins).hasSize(1);
        VideoPlugin plugin = plugins.get(0);
        assertThat(plugin.apiVersion()).isEqualTo(VideoPlugin.API_VERSION);
        assertThat(ComponentKind.FLOW_ESTIMATOR.factoriesOf(plugin)).extracting(ComponentFactory::name)
                .containsExactly("farneback", "tvl1", "dis");
        assertThat(ComponentKind.TRANSFORM.factoriesOf(plugin)).extracting(ComponentFactory::name)
                .containsExactly("optical_flow");
        assertThat(plugin.flowEstimators()).allSatisfy(factory -> {
            assertThat(factory.description()).isNotBlank();
            assertThat(factory.defaultConfig()).isInstanceOf(factory.configType());
        });
    }

    @Test
    void defaultsAreOpenCvsOwn() {
        assertThat(FarnebackConfig.DEFAULTS).isEqualTo(new FarnebackConfig(0.5, 3, 15, 3, 5, 1.2, false, false));
        assertThat(TvL1Config.DEFAULTS).isEqualTo(new TvL1Config(0.25, 0.15, 0.3, 5, 5, 0.01, 30, 10, 0.8, 0, 5,
                false));
        assertThat(DisConfig.DEFAULTS.preset()).isEqualTo("fast");
        assertThat(DisConfig.DEFAULTS.presetCode()).isEqualTo(DISOpticalFlow.PRESET_FAST);
        assertThat(new DisConfig("ultrafast", null, null, null, null, null, null, null, null, null, null, false)
                .presetCode()).isEqualTo(DISOpticalFlow.PRESET_ULTRAFAST);
        assertThat(new DisConfig("medium", null, null, null, null, null, null, null, null, null, null, false)
                .presetCode()).isEqualTo(DISOpticalFlow.PRESET_MEDIUM);
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> new FarnebackConfig(1.5, 3, 15, 3, 5, 1.2, false, false))
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo("pyrScale"));
        assertThatThrownBy(() -> new FarnebackConfig(0.5, 3, 15, 3, 6, 1.2, false, false))
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo("polyN"));
        assertThatThrownBy(() -> new FarnebackConfig(0.5, 3, 0, 3, 5, 1.2, false, false))
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo("winSize"));
        assertThatThrownBy(() -> new TvL1Config(0.25, 0.15, 0.3, 0, 5, 0.01, 30, 10, 0.8, 0, 5, false))
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo("scales"));
        assertThatThrownBy(() -> new TvL1Config(0.25, 0.15, 0.3, 5, 5, 0.01, 30, 10, 1.0, 0, 5, false))
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo("scaleStep"));
        assertThatThrownBy(() -> new DisConfig("slow", null, null, null, null, null, null, null, null, null, null,
                false)).isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo("preset"));
        assertThatThrownBy(() -> new DisConfig("fast", null, 8, 9, null, null, null, null, null, null, null, false))
                .isInstanceOfSatisfying(ConfigValueException.class,
                        e -> assertThat(e.key()).isEqualTo("patchStride"));
        assertThatThrownBy(() -> new DisConfig("fast", null, null, null, null, null, -1.0, null, null, null, null,
                false)).isInstanceOfSatisfying(ConfigValueException.class,
                        e -> assertThat(e.key()).isEqualTo("variationalRefinementAlpha"));
    }

    @Test
    void disSettingsOverThePresetChangeTheFlow() {
        DisConfig preset = new DisConfig("fast", null, null, null, null, null, null, null, null, null, null, false);
        DisConfig finer = new DisConfig("fast", 0, 8, 3, 25, 5, null, null, null, null, null, false);
        try (FlowEstimator plain = new DisFactory().create(preset); FlowEstimator tuned = new DisFactory().create(finer)) {
            float[] a = plain.estimate(FlowParityTest.frame(0), FlowParityTest.frame(1)).values();
            float[] b = tuned.estimate(FlowParityTest.frame(0), FlowParityTest.frame(1)).values();
            assertThat(b).isNotEqualTo(a);
        }
    }

    @Test
    void greyFramesGiveNearlyTheFlowOfTheirRgbOriginals() {
        VideoFrame first = FlowParityTest.frame(0);
        VideoFrame second = FlowParityTest.frame(1);
        try (FlowEstimator farneback = new FarnebackFactory().create(FarnebackConfig.DEFAULTS)) {
            float[] fromGrey = farneback.estimate(grey(first), grey(second)).values();
            assertThat(FlowParityTest.difference(farneback.estimate(first, second), "farneback_0_1")).isZero();
            // Grey levels here round slightly differently from cvtColor's, hence not bit for bit.
            assertThat(FlowParityTest.difference(new FlowField(first.width(), first.height(), fromGrey),
                    "farneback_0_1")).isLessThan(0.05);
        }
    }

    @Test
    void framesOfDifferentSizesOrChannelsAreRefusedNamingBoth() {
        VideoFrame small = new VideoFrame(7, 4, 4, 3, new byte[48]);
        VideoFrame large = new VideoFrame(8, 8, 4, 3, new byte[96]);
        VideoFrame twoChannels = new VideoFrame(9, 4, 4, 2, new byte[32]);
        try (FlowEstimator dis = new DisFactory().create(DisConfig.DEFAULTS)) {
            assertThatThrownBy(() -> dis.estimate(small, large)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("frame 7 is 4x4x3").hasMessageContaining("frame 8 is 8x4x3");
            assertThatThrownBy(() -> dis.estimate(twoChannels, twoChannels))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 channels");
        }
    }

    @Test
    void aClosedEstimatorRefusesWorkAndClosesTwiceQuietly() {
        FlowEstimator tvl1 = new TvL1Factory().create(TvL1Config.DEFAULTS);
        tvl1.close();
        tvl1.close();
        assertThatThrownBy(() -> tvl1.estimate(FlowParityTest.frame(0), FlowParityTest.frame(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    /** The frame as one grey channel, by OpenCV's RGB to grey weights (0.299, 0.587, 0.114) in 14-bit fixed point. */
    static VideoFrame grey(VideoFrame rgb) {
        byte[] grey = new byte[rgb.width() * rgb.height()];
        for (int i = 0; i < grey.length; i++) {
            int r = rgb.pixels()[3 * i] & 0xff;
            int g = rgb.pixels()[3 * i + 1] & 0xff;
            int b = rgb.pixels()[3 * i + 2] & 0xff;
            grey[i] = (byte) ((r * 4899 + g * 9617 + b * 1868 + (1 << 13)) >> 14);
        }
        return new VideoFrame(rgb.index(), rgb.width(), rgb.height(), 1, grey);
    }
}
