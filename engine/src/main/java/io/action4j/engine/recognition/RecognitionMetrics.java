package io.action4j.engine.recognition;

import io.action4j.api.ComponentKind;
import io.action4j.api.metric.Metric;
import io.action4j.api.metric.RecognitionSample;
import io.action4j.registry.config.ComponentOf;
import io.action4j.registry.config.ComponentSpec;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import java.util.List;

/** The metric a config's evaluator names, or MMAction2's default {@code acc} (AccMetric). */
public final class RecognitionMetrics {

    /** The shape an evaluator given on the command line is bound to. */
    record MetricChoice(@ComponentOf(ComponentKind.METRIC) ComponentSpec metric) {
    }

    private RecognitionMetrics() {
    }

    /** {@code configured}, or {@code acc} with its defaults when the config names none. */
    public static Metric<RecognitionSample> recognition(ComponentSpec configured, ConfigLoader loader, ConfigBinder binder) {
        return recognition(configured != null ? configured : acc(loader, binder, List.of(), "default evaluator"));
    }

    /** The {@code acc} metric with {@code overrides} such as {@code metric.topk=[1,3]}. */
    public static ComponentSpec acc(ConfigLoader loader, ConfigBinder binder, List<String> overrides, String source) {
        return binder.bind(loader.applyOverrides(loader.parse("metric:\n  type: acc\n", source), overrides),
                MetricChoice.class).metric();
    }

    /** The metric {@code spec} builds, checked to score recognition results. */
    public static Metric<RecognitionSample> recognition(ComponentSpec spec) {
        Metric<?> metric = spec.create(Metric.class);
        if (metric.sampleType() != RecognitionSample.class) {
            throw new IllegalArgumentException("metric '" + spec.type() + "' scores " + metric.sampleType().getSimpleName()
                    + "s, not recognition results");
        }
        @SuppressWarnings("unchecked")
        Metric<RecognitionSample> recognition = (Metric<RecognitionSample>) metric;
        return recognition;
    }
}
