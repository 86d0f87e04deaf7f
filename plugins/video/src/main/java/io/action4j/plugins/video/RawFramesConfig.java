package io.action4j.plugins.video;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.List;

/**
 * A folder of frames stored as images, MMAction2's rawframe layout.
 *
 * @param filenameTemplate RGB frame names, Python-style: {@code img_{:05d}.jpg}
 * @param flowXTemplate optical-flow x-component names ({@code x_{:05d}.jpg})
 * @param flowYTemplate optical-flow y-component names ({@code y_{:05d}.jpg})
 * @param modality {@code rgb} (3 channels) or {@code flow} (2 channels: x, y)
 * @param startIndex the number of the first frame file (MMAction2 uses 1)
 * @param fps the frame rate the frames were extracted at (folders do not record it)
 */
public record RawFramesConfig(String filenameTemplate, String flowXTemplate, String flowYTemplate, String modality,
                              int startIndex, double fps) {

    public static final RawFramesConfig DEFAULTS =
            new RawFramesConfig("img_{:05d}.jpg", "x_{:05d}.jpg", "y_{:05d}.jpg", "rgb", 1, 30);

    public RawFramesConfig {
        checkTemplate("filenameTemplate", filenameTemplate);
        checkTemplate("flowXTemplate", flowXTemplate);
        checkTemplate("flowYTemplate", flowYTemplate);
        ConfigChecks.oneOf("modality", modality, List.of("rgb", "flow"));
        ConfigChecks.atLeast("startIndex", startIndex, 0);
        ConfigChecks.inRange("fps", fps, 1e-3, 1e4);
    }

    private static void checkTemplate(String key, String template) {
        ConfigChecks.required(key, template);
        try {
            FrameNameTemplate.parse(template);
        } catch (IllegalArgumentException e) {
            throw new ConfigValueException(key, e.getMessage());
        }
    }
}
