package io.action4j.spatiotemporal.boxes;

import io.action4j.api.ConfigValueException;
import io.action4j.api.detection.PersonBoxSource;
import io.action4j.api.detection.PersonBoxSourceFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Creates {@link AvaCsvBoxSource}, person boxes read once from an AVA-format CSV. */
public final class AvaCsvBoxSourceFactory implements PersonBoxSourceFactory<AvaCsvBoxSourceConfig> {

    public static final String NAME = "ava_csv_boxes";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<AvaCsvBoxSourceConfig> configType() {
        return AvaCsvBoxSourceConfig.class;
    }

    @Override
    public AvaCsvBoxSourceConfig defaultConfig() {
        return AvaCsvBoxSourceConfig.defaults();
    }

    /**
     * @throws ConfigValueException naming {@code file} when no file is set
     * @throws UncheckedIOException when the file cannot be read; its message names the file and line
     */
    @Override
    public PersonBoxSource create(AvaCsvBoxSourceConfig config) {
        // Checked here rather than in the record: the default config must construct, but has no file.
        if (config.file().isBlank()) {
            throw new ConfigValueException("file", "must name an AVA-format CSV of person boxes");
        }
        try {
            return AvaCsvBoxSource.read(Path.of(config.file()), config.minScore(), config.outsideFrame().equals("reject"));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return "person boxes per keyframe from an AVA-format CSV (proposals or detections)";
    }
}
