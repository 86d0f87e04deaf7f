package io.action4j.plugins.resnet3d;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.List;

/**
 * MMAction2's {@code ResNet3dSlowFast} (resnet3d_slowfast.py). The defaults build its SlowFast R50
 * ({@code configs/_base_/models/slowfast_r50.py}, e.g. slowfast_r50_8xb8-4x16x1-256e_kinetics400-rgb):
 * {@code resample_rate 8, speed_ratio 8, channel_ratio 8}, a ResNet-50 slow pathway with a (1, 7, 7)
 * stem and inflation (0, 0, 1, 1), and a ResNet-50 fast pathway 8 channels wide with a (5, 7, 7)
 * stem. In YAML only what differs is written; a pathway's keys merge over its defaults:
 *
 * <pre>
 *   backbone:
 *     type: slowfast
 *     resampleRate: 4          # MMAction2's 8x8x1 model: resample_rate 4, speed_ratio 4
 *     speedRatio: 4
 *     slowPathway: {depth: 101}
 * </pre>
 *
 * <p>The top-level keys are {@code ResNet3dSlowFast}'s and {@code ResNet3dPathway}'s lateral
 * arguments (which MMAction2 passes inside {@code slow_pathway}; {@code speed_ratio} and
 * {@code channel_ratio} it copies there from the top level); each pathway is a full
 * {@link ResNet3dConfig} (the {@code resnet3d} backbone's keys, non-local blocks included).
 *
 * <p>Input: a clip of T frames sampled at the fast rate. The slow pathway sees frames 0, τ, 2τ, ...
 * (floor(T / τ) of them) and the fast one frames 0, τ/α, 2τ/α, ...: exactly the frames MMAction2's
 * {@code interpolate(x, mode='nearest', scale_factor=(1 / rate, 1, 1))} picks (checked for every rate
 * 1 to 16 and T up to 69 in torch 1.13). Output: see {@link SlowFastBackbone}.
 *
 * <p>Not supported, as MMAction2's forward cannot use them: {@code lateral_inv} (deconvolution
 * laterals), {@code lateral_activate} other than all ones (ResNet3dSlowFast.forward indexes the
 * lateral layers by stage), pool2 ({@code withPool2}: the forward never applies it) and a pathway
 * without its stem pool (the forward always applies it).
 *
 * @param resampleRate τ, {@code resample_rate}: the slow pathway takes every τ-th frame
 * @param speedRatio α, {@code speed_ratio}: the fast pathway takes every (τ / α)-th frame (integer
 *     division, as MMAction2's); the laterals stride time by α
 * @param channelRatio β, {@code channel_ratio}: the fast pathway is β times narrower; a lateral takes
 *     (slow width / β) fast channels to (slow width × lateralInflation / β)
 * @param fusionKernel {@code fusion_kernel}: the laterals' time kernel, padding (k - 1) / 2
 * @param lateralInflation {@code lateral_infl}
 * @param lateral the slow pathway's {@code lateral}: fuse the fast pathway into the slow one
 *     ({@code conv1_lateral} after the stem, {@code layer1_lateral} to {@code layer3_lateral} after stages 1-3)
 * @param lateralNorm {@code lateral_norm}: the laterals have batch norm and ReLU ({@code .bn}); without
 *     it (MMAction2's default) they are a bare convolution
 * @param slowPathway the slow pathway ({@code slow_path.*} keys)
 * @param fastPathway the fast pathway ({@code fast_path.*} keys)
 * @param output {@code pooled} (default): each pathway averaged over time and space, concatenated fast first,
 *     what SlowFastHead reads; {@code timeAveraged}: each pathway averaged over time only, concatenated slow
 *     first (N x (C_slow + C_fast) x 1 x H x W), what MMAction2's {@code SingleRoIExtractor3D} gives its
 *     RoIAlign in the AVA SlowFast detectors (both pathways must end at the same height and width)
 */
public record SlowFastConfig(int resampleRate, int speedRatio, int channelRatio, int fusionKernel,
                             int lateralInflation, boolean lateral, boolean lateralNorm,
                             ResNet3dConfig slowPathway, ResNet3dConfig fastPathway, String output) {

    public static final String POOLED = "pooled";
    public static final String TIME_AVERAGED = "timeAveraged";

    /** A recognition backbone ({@code output: pooled}). */
    public SlowFastConfig(int resampleRate, int speedRatio, int channelRatio, int fusionKernel, int lateralInflation,
                          boolean lateral, boolean lateralNorm, ResNet3dConfig slowPathway, ResNet3dConfig fastPathway) {
        this(resampleRate, speedRatio, channelRatio, fusionKernel, lateralInflation, lateral, lateralNorm, slowPathway,
                fastPathway, POOLED);
    }

    /** ResNet3dPathway's ResNet3d defaults (depth 50, MMAction2's 3x1x1 inflation) with a stem pool, no pool2. */
    private static ResNet3dConfig pathway(int baseChannels, List<Integer> stemKernel, List<List<Integer>> inflate) {
        ResNet3dConfig d = ResNet3dConfig.DEFAULTS;
        return new ResNet3dConfig(50, "3d", List.of(), 3, baseChannels, stemKernel, List.of(1, 2, 2),
                d.stemMidChannels(), true, List.of(1, 2, 2), false, List.of(1, 2, 2, 2), List.of(1, 1, 1, 1),
                inflate, "3x1x1", d.bnEpsilon(), ResNet3dConfig.NON_LOCAL_NONE, d.nonLocalMode(),
                d.nonLocalSubSample(), d.nonLocalUseScale());
    }

    /** slowfast_r50.py's slow_pathway: conv1_kernel (1, 7, 7), conv1_stride_t 1, pool1_stride_t 1, inflate (0, 0, 1, 1). */
    public static final ResNet3dConfig SLOW_PATHWAY = pathway(64, List.of(1, 7, 7),
            List.of(List.of(0), List.of(0), List.of(1), List.of(1)));

    /** slowfast_r50.py's fast_pathway: base_channels 8, conv1_kernel (5, 7, 7), strides as the slow one, inflate all. */
    public static final ResNet3dConfig FAST_PATHWAY = pathway(8, List.of(5, 7, 7), ResNet3dConfig.INFLATE_ALL);

    public static final SlowFastConfig DEFAULTS = new SlowFastConfig(8, 8, 8, 5, 2, true, false, SLOW_PATHWAY,
            FAST_PATHWAY);

    public SlowFastConfig {
        ConfigChecks.positive("speedRatio", speedRatio);
        ConfigChecks.atLeast("resampleRate", resampleRate, speedRatio);
        ConfigChecks.positive("channelRatio", channelRatio);
        ConfigChecks.positive("fusionKernel", fusionKernel);
        ConfigChecks.positive("lateralInflation", lateralInflation);
        checkPathway("slowPathway", ConfigChecks.required("slowPathway", slowPathway));
        checkPathway("fastPathway", ConfigChecks.required("fastPathway", fastPathway));
        output = output == null ? POOLED : output;
        ConfigChecks.oneOf("output", output, List.of(POOLED, TIME_AVERAGED));
    }

    private static void checkPathway(String key, ResNet3dConfig pathway) {
        if (pathway.withPool2()) {
            throw new ConfigValueException(key + ".withPool2", "ResNet3dSlowFast never applies pool2: leave it false");
        }
        if (!pathway.stemPool()) {
            throw new ConfigValueException(key + ".stemPool", "ResNet3dSlowFast always applies the stem pool: leave it true");
        }
    }

    /** Every how many input frames the fast pathway takes one: τ / α. */
    int fastStride() {
        return resampleRate / speedRatio;
    }
}
