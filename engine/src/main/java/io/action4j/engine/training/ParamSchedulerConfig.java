package io.action4j.engine.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One entry of MMAction2's {@code param_scheduler} list: an mmengine learning-rate scheduler, e.g.
 * <pre>
 * paramScheduler:
 *   - {type: LinearLR, startFactor: 0.1, byEpoch: true, begin: 0, end: 5, convertToIterBased: true}
 *   - {type: CosineAnnealingLR, tMax: 45, etaMin: 0, byEpoch: true, begin: 5, end: 50}
 * </pre>
 * Every scheduler is active for steps {@code begin <= step < end}, counted in epochs
 * ({@code byEpoch}, the default) or iterations; {@code end} left out means the end of training.
 * {@code convertToIterBased} turns an epoch-based scheduler into an iteration-based one (begin, end
 * and the scheduler's own step counts times the iterations per epoch), so it changes the lr every
 * iteration. {@link LrSchedule} computes the resulting learning rates.
 */
@JsonDeserialize(using = ParamSchedulerConfig.Deserializer.class)
public sealed interface ParamSchedulerConfig {

    /** The type names, as mmengine spells them, with their records. */
    Map<String, Class<? extends ParamSchedulerConfig>> TYPES = Map.of(
            "LinearLR", LinearLR.class,
            "MultiStepLR", MultiStepLR.class,
            "StepLR", StepLR.class,
            "CosineAnnealingLR", CosineAnnealingLR.class);

    // Boxed because they are record components that may be left out; never null once built, except end.

    /** The first active step, default 0. */
    Integer begin();

    /** The step where it stops; null: the end of training (max epochs, or max iterations when not by epoch). */
    Integer end();

    /** Counts epochs (default) or iterations. */
    Boolean byEpoch();

    /** An epoch-based scheduler run per iteration (default false). */
    Boolean convertToIterBased();

    @JsonProperty("type")
    default String type() {
        return getClass().getSimpleName();
    }

    /**
     * mmengine's {@code LinearLR}: the lr times a factor going linearly from {@code startFactor}
     * at {@code begin} to {@code endFactor} at {@code end - 1}.
     *
     * @param startFactor in (0, 1], default 1/3 (0 would stay 0: the scheduler scales the current lr)
     * @param endFactor in [0, 1], default 1
     */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"type", "startFactor", "endFactor"})
    record LinearLR(Double startFactor, Double endFactor, Integer begin, Integer end, Boolean byEpoch,
                    Boolean convertToIterBased) implements ParamSchedulerConfig {

        public LinearLR {
            startFactor = startFactor == null ? 1.0 / 3 : startFactor;
            endFactor = endFactor == null ? 1.0 : endFactor;
            if (!(startFactor > 0.0 && startFactor <= 1.0)) {
                throw new ConfigValueException("startFactor", "must be in (0, 1], got " + startFactor);
            }
            ConfigChecks.inRange("endFactor", endFactor, 0.0, 1.0);
            begin = checkBegin(begin);
            end = checkEnd(begin, end);
            byEpoch = byEpoch == null || byEpoch;
            convertToIterBased = checkConversion(byEpoch, convertToIterBased);
        }
    }

    /**
     * mmengine's {@code MultiStepLR}: the lr times {@code gamma} at each milestone. Milestones count
     * from {@code begin} (mmengine's scheduler step), not from the start of training; a milestone
     * listed twice multiplies by {@code gamma} twice.
     *
     * @param milestones required, each >= 0
     * @param gamma default 0.1
     */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"type", "milestones", "gamma"})
    record MultiStepLR(List<Integer> milestones, Double gamma, Integer begin, Integer end, Boolean byEpoch,
                       Boolean convertToIterBased) implements ParamSchedulerConfig {

        public MultiStepLR {
            ConfigChecks.required("milestones", milestones);
            for (Integer milestone : milestones) {
                if (milestone == null || milestone < 0) {
                    throw new ConfigValueException("milestones", "must hold integers >= 0, got " + milestones);
                }
            }
            milestones = List.copyOf(milestones);
            gamma = checkGamma(gamma);
            begin = checkBegin(begin);
            end = checkEnd(begin, end);
            byEpoch = byEpoch == null || byEpoch;
            convertToIterBased = checkConversion(byEpoch, convertToIterBased);
        }
    }

    /**
     * mmengine's {@code StepLR}: the lr times {@code gamma} every {@code stepSize} steps after {@code begin}.
     *
     * @param stepSize required, positive
     * @param gamma default 0.1
     */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"type", "stepSize", "gamma"})
    record StepLR(Integer stepSize, Double gamma, Integer begin, Integer end, Boolean byEpoch,
                  Boolean convertToIterBased) implements ParamSchedulerConfig {

        public StepLR {
            ConfigChecks.positive("stepSize", ConfigChecks.required("stepSize", stepSize));
            gamma = checkGamma(gamma);
            begin = checkBegin(begin);
            end = checkEnd(begin, end);
            byEpoch = byEpoch == null || byEpoch;
            convertToIterBased = checkConversion(byEpoch, convertToIterBased);
        }
    }

    /**
     * mmengine's {@code CosineAnnealingLR}: from the lr at {@code begin} down a half cosine that
     * would reach {@code etaMin} after {@code tMax} steps (in its chainable form, as mmengine).
     *
     * @param tMax steps of the half cosine, positive; default {@code end - begin}
     * @param etaMin the lowest lr, default 0
     */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"type", "tMax", "etaMin"})
    record CosineAnnealingLR(Integer tMax, Double etaMin, Integer begin, Integer end, Boolean byEpoch,
                             Boolean convertToIterBased) implements ParamSchedulerConfig {

        public CosineAnnealingLR {
            if (tMax != null) {
                ConfigChecks.positive("tMax", tMax);
            }
            etaMin = OptimizerConfig.nonNegative("etaMin", etaMin == null ? 0.0 : etaMin);
            begin = checkBegin(begin);
            end = checkEnd(begin, end);
            byEpoch = byEpoch == null || byEpoch;
            convertToIterBased = checkConversion(byEpoch, convertToIterBased);
        }
    }

    private static int checkBegin(Integer begin) {
        return begin == null ? 0 : ConfigChecks.atLeast("begin", begin, 0);
    }

    private static Integer checkEnd(int begin, Integer end) {
        if (end != null && end <= begin) {
            throw new ConfigValueException("end", "must be greater than begin (" + begin + "), got " + end);
        }
        return end;
    }

    private static double checkGamma(Double gamma) {
        return OptimizerConfig.nonNegative("gamma", gamma == null ? 0.1 : gamma);
    }

    private static boolean checkConversion(boolean byEpoch, Boolean convertToIterBased) {
        boolean convert = convertToIterBased != null && convertToIterBased;
        if (convert && !byEpoch) {
            throw new ConfigValueException("convertToIterBased", "only an epoch-based scheduler (byEpoch: true) "
                    + "can be converted to iterations");
        }
        return convert;
    }

    /** Reads {@code {type: Name, key: value, ...}} onto the record {@code type} names (matched ignoring case). */
    final class Deserializer extends JsonDeserializer<ParamSchedulerConfig> {

        @Override
        public ParamSchedulerConfig deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = context.readTree(parser);
            List<String> known = TYPES.keySet().stream().sorted().toList();
            if (!node.isObject()) {
                throw JsonMappingException.from(parser, "expected a mapping with 'type' naming a parameter scheduler, "
                        + "one of " + known + ", got " + node.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            JsonNode type = node.get("type");
            if (type == null || !type.isTextual()) {
                throw atType(JsonMappingException.from(parser, "a parameter scheduler needs 'type', one of " + known));
            }
            Class<? extends ParamSchedulerConfig> record = TYPES.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(type.asText()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElseThrow(() -> atType(JsonMappingException.from(parser,
                            "unknown parameter scheduler '" + type.asText() + "'; supported: " + known)));
            ObjectNode settings = ((ObjectNode) node).deepCopy();
            settings.remove("type");
            return context.readTreeAsValue(settings, record);
        }

        private static JsonMappingException atType(JsonMappingException e) {
            e.prependPath(new JsonMappingException.Reference(null, "type"));
            return e;
        }
    }
}
