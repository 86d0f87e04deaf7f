package io.action4j.engine.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What SGD and AdamW share: checking a step's inputs, and per-parameter state arrays ("slots")
 * exported and loaded as {@code <parameter>/<slot>}.
 */
abstract class SlottedOptimizer implements Optimizer {

    static final String STEP = "step";

    private final String name;
    private final List<String> slotNames;
    private final ToDoubleFunction<String> decayMultiplier;
    /** Parameter name to its slots; a parameter appears once it has had a gradient. */
    private final Map<String, Map<String, INDArray>> slots = new TreeMap<>();

    /** The optimizer's name as configs spell it ({@code SGD}, {@code AdamW}, {@code Adam}). */
    String name() {
        return name;
    }

    SlottedOptimizer(String name, List<String> slotNames, ToDoubleFunction<String> decayMultiplier) {
        this.name = name;
        this.slotNames = List.copyOf(slotNames);
        this.decayMultiplier = decayMultiplier;
    }

    /** Updates {@code parameter} in place; {@code state} is its slots, empty the first time. */
    abstract void update(INDArray parameter, INDArray gradient, double lr, double weightDecayMultiplier,
                         Map<String, INDArray> state);

    /** Checks one parameter's loaded slots together (all present, values sensible); names the parameter. */
    abstract void checkLoaded(String parameter, Map<String, INDArray> state);

    @Override
    public final void step(Map<String, INDArray> parameters, Map<String, INDArray> gradients, double lr) {
        if (!(lr >= 0.0 && lr < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + ": learning rate must be finite and >= 0, got " + lr);
        }
        // Check everything first, so a bad entry leaves no parameter half updated.
        for (Map.Entry<String, INDArray> entry : gradients.entrySet()) {
            INDArray parameter = parameters.get(entry.getKey());
            if (parameter == null) {
                throw new IllegalArgumentException(name + ": gradient '" + entry.getKey() + "' has no parameter");
            }
            INDArray gradient = entry.getValue();
            if (!Arrays.equals(parameter.shape(), gradient.shape())) {
                throw new IllegalArgumentException(name + ": gradient of '" + entry.getKey() + "' has shape "
                        + Arrays.toString(gradient.shape()) + ", the parameter " + Arrays.toString(parameter.shape()));
            }
            if (parameter.dataType() != gradient.dataType()) {
                throw new IllegalArgumentException(name + ": gradient of '" + entry.getKey() + "' is "
                        + gradient.dataType() + ", the parameter " + parameter.dataType());
            }
            if (!parameter.dataType().isFPType()) {
                throw new IllegalArgumentException(name + ": parameter '" + entry.getKey() + "' is "
                        + parameter.dataType() + ", not floating point");
            }
        }
        for (Map.Entry<String, INDArray> entry : new TreeMap<>(gradients).entrySet()) {
            String parameter = entry.getKey();
            update(parameters.get(parameter), entry.getValue(), lr, decayMultiplier.applyAsDouble(parameter),
                    slots.computeIfAbsent(parameter, key -> new LinkedHashMap<>()));
        }
    }

    @Override
    public final Map<String, INDArray> state() {
        Map<String, INDArray> state = new LinkedHashMap<>();
        slots.forEach((parameter, arrays) -> arrays.forEach((slot, array) -> state.put(parameter + "/" + slot, array.dup())));
        return state;
    }

    @Override
    public final void loadState(Map<String, INDArray> state, Map<String, INDArray> parameters) {
        Map<String, Map<String, INDArray>> loaded = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, INDArray> entry : new TreeMap<>(state).entrySet()) {
            String key = entry.getKey();
            int slash = key.lastIndexOf('/');
            String parameter = slash < 0 ? key : key.substring(0, slash);
            String slot = slash < 0 ? "" : key.substring(slash + 1);
            INDArray array = entry.getValue();
            if (!slotNames.contains(slot)) {
                problems.add("'" + key + "': not a " + name + " state entry (<parameter>/<slot>, slots "
                        + slotNames + ")");
            } else if (!parameters.containsKey(parameter)) {
                problems.add("'" + key + "': the model has no parameter '" + parameter + "'");
            } else if (slot.equals(STEP) ? array.length() != 1
                    : !Arrays.equals(array.shape(), parameters.get(parameter).shape())) {
                problems.add("'" + key + "': shape " + Arrays.toString(array.shape()) + ", expected "
                        + (slot.equals(STEP) ? "a single value" : Arrays.toString(parameters.get(parameter).shape())));
            } else {
                DataType type = parameters.get(parameter).dataType();
                loaded.computeIfAbsent(parameter, p -> new LinkedHashMap<>())
                        .put(slot, slot.equals(STEP) ? Nd4j.scalar(DataType.FLOAT, array.getDouble(0))
                                : array.castTo(type).dup('c'));
            }
        }
        for (Map.Entry<String, Map<String, INDArray>> entry : loaded.entrySet()) {
            try {
                checkLoaded(entry.getKey(), entry.getValue());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(name + " state does not fit: " + String.join("; ", problems));
        }
        slots.clear();
        slots.putAll(loaded);
    }

    /** The step count slot as a whole number, for messages and arithmetic. */
    static double stepCount(INDArray step) {
        return step.getDouble(0);
    }
}
