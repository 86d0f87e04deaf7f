package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.action4j.api.ComponentKind;
import io.action4j.api.transform.Box;
import io.action4j.api.video.VideoDecoder;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.data.ClipPipeline;
import io.action4j.registry.PluginLoader;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ComponentSpec;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Boxes survive the clip pipeline: on a real video, the real sampler, resize, centre crop and flip move
 * person boxes with the pixels, and the formatted clip carries them, as MMAction2 v1.2.0's box arithmetic
 * (re-derived by {@code src/test/resources/reference/make_box_pipeline_reference.py}) puts them.
 */
class ClipBoxesEndToEndTest {

    private static final String DATA = """
            data:
              sampler: {type: sample_frames, clipLen: 4, frameInterval: 2, numClips: 1, testMode: true}
              pipeline:
                - {type: resize, scale: [-1, 100], keepRatio: true}
                - {type: center_crop, cropSize: [96, 96]}
                %s
              format: {inputFormat: NCTHW}
            """;

    @Test
    void resizeAndCropMoveTheBoxesAsMmaction2Does() throws Exception {
        JsonNode reference = reference();

        ClipPipeline.Result result = run(false, boxes(reference.get("boxes")));

        assertThat(result.tensor().shape()).containsExactly(1, 3, 4, 96, 96);
        assertBoxes(result.tensor().boxes(), reference.get("afterCrop"));
    }

    @Test
    void aFlipMirrorsThemOverTheCroppedWidth() throws Exception {
        JsonNode reference = reference();

        ClipPipeline.Result result = run(true, boxes(reference.get("boxes")));

        assertBoxes(result.tensor().boxes(), reference.get("afterFlip"));
    }

    @Test
    void aClipWithoutBoxesStaysWithout() throws Exception {
        assertThat(run(true, List.of()).tensor().boxes()).isEmpty();
    }

    private static ClipPipeline.Result run(boolean flip, List<Box> boxes) throws Exception {
        PluginRegistry registry = PluginLoader.load(ClipBoxesEndToEndTest.class.getClassLoader(), List.of());
        String yaml = DATA.formatted(flip ? "- {type: flip, flipRatio: 1.0}" : "");
        ExperimentConfig config = new ConfigBinder(registry).bind(new ConfigLoader().parse(yaml, "boxes test"),
                ExperimentConfig.class);
        VideoDecoder ffmpeg = ComponentSpec.defaults(registry.find(ComponentKind.VIDEO_READER, "ffmpeg"))
                .create(VideoDecoder.class);
        try (VideoReader reader = ffmpeg.open(PipelineShowEndToEndTest.demoVideo())) {
            assertThat(reader.metadata().width()).isEqualTo(340);
            assertThat(reader.metadata().height()).isEqualTo(256);
            return ClipPipeline.build(config.data()).run(reader, new SplittableRandom(3), OptionalInt.empty(), boxes);
        }
    }

    private static JsonNode reference() throws Exception {
        return new ObjectMapper().readTree(Launcher.repository()
                .resolve("src/test/resources/reference/box_pipeline_reference.json").toFile());
    }

    private static List<Box> boxes(JsonNode rows) {
        List<Box> boxes = new ArrayList<>();
        rows.forEach(row -> boxes.add(new Box((float) row.get(0).asDouble(), (float) row.get(1).asDouble(),
                (float) row.get(2).asDouble(), (float) row.get(3).asDouble())));
        return boxes;
    }

    private static void assertBoxes(List<Box> actual, JsonNode expected) {
        List<Box> wanted = boxes(expected);
        assertThat(actual).hasSameSizeAs(wanted);
        for (int i = 0; i < wanted.size(); i++) {
            Box a = actual.get(i);
            Box e = wanted.get(i);
            // float32 on both sides; the scale factors are float32 as MMAction2's.
            assertThat(new float[] {a.x1(), a.y1(), a.x2(), a.y2()}).as("box %d: %s", i, a)
                    .containsExactly(new float[] {e.x1(), e.y1(), e.x2(), e.y2()}, within(1e-4f));
        }
    }
}
