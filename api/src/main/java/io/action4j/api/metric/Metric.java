package io.action4j.api.metric;

import java.util.List;

/**
 * An evaluation metric over samples of one task; a {@link io.action4j.api.ComponentKind#METRIC}.
 *
 * @param <S> the sample type: {@link RecognitionSample}, {@link LocalizationSample} or {@link DetectionSample}
 */
public interface Metric<S> {

    Class<S> sampleType();

    MetricResult evaluate(List<S> samples);
}
