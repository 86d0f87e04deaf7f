package io.action4j.engine.stream;

import io.action4j.api.sampling.CentredClips;
import io.action4j.engine.data.ClipPipeline;

/**
 * How a long video is cut into the pieces a model sees one at a time (a localizer's snippets): windows
 * of a length every stride, each sampled by the data pipeline's sampler as a video of its own, or the
 * sampler's own clips when it centres them every so many frames (MMAction2's {@code UntrimmedSampleFrames},
 * the way its ActivityNet features were extracted).
 */
public sealed interface Snippets {

    /** Windows over the video; the pipeline's sampler picks frames inside each. */
    record Windows(WindowSpec spec) implements Snippets {

        @Override
        public int minimumFrames(double fps) {
            return spec.inFrames(fps).windowFrames();
        }

        @Override
        public String describe(double fps) {
            WindowPlan plan = spec.inFrames(fps);
            return "windows of " + plan.windowFrames() + " frames every " + plan.strideFrames();
        }
    }

    /** The pipeline sampler's centred clips, one snippet each. */
    record Centred(CentredClips clips) implements Snippets {

        /** One centre inside the video. */
        @Override
        public int minimumFrames(double fps) {
            return clips.clipInterval() / 2 + 1;
        }

        @Override
        public String describe(double fps) {
            return "clips of " + clips.clipLen() + " frames centred every " + clips.clipInterval() + " frames";
        }
    }

    /**
     * The snippets a config states: its {@code windows} when it has them, otherwise the sampler's
     * centred clips.
     *
     * @param windows the config's windows, or null
     * @throws IllegalArgumentException when there are neither
     */
    static Snippets of(WindowSpec windows, ClipPipeline pipeline) {
        if (windows != null) {
            return new Windows(windows);
        }
        return pipeline.centredClips().<Snippets>map(Centred::new).orElseThrow(() -> new IllegalArgumentException(
                "snippets need a 'windows' section (their length and stride, e.g. window: 16, stride: 16) or a "
                        + "sampler that centres clips every so many frames (data.sampler.type: untrimmed_sample_frames)"));
    }

    /** Frames a video needs for one whole snippet; a shorter one is padded into one, or refused, by the task's rule. */
    int minimumFrames(double fps);

    /** For messages: "windows of 32 frames every 8" or "clips of 8 frames centred every 16 frames". */
    String describe(double fps);
}
