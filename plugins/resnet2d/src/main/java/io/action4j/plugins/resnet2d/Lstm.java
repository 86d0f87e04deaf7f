package io.action4j.plugins.resnet2d;

import io.action4j.api.model.GraphBuilder;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * torch's one-layer, unidirectional {@code nn.LSTM(batch_first=True)}, unrolled over a known number of steps
 * from matrix products, sigmoid and tanh (SameDiff's {@code lstmLayer} fails on the oneDNN build in some
 * settings, ../shared/STACK.md; these ops all have gradients). Gates in torch's order i, f, g, o:
 * <pre>
 *   i, f, g, o = split(x_t W_ih + b_ih + h_{t-1} W_hh + b_hh)
 *   c_t = sigmoid(f) c_{t-1} + sigmoid(i) tanh(g),  h_t = sigmoid(o) tanh(c_t),  h_0 = c_0 = 0
 * </pre>
 * Parameters {@code name.weight_ih_l0} ({@code in x 4H}, torch's transposed, as every linear weight here),
 * {@code name.weight_hh_l0} ({@code H x 4H}), {@code name.bias_ih_l0}, {@code name.bias_hh_l0}
 * ({@code 4H}), initialised as torch does: uniform in {@code ±1/sqrt(H)}.
 */
final class Lstm {

    private final GraphBuilder graph;
    private final String name;
    private final int hidden;

    Lstm(GraphBuilder graph, String name, int hidden) {
        this.graph = graph;
        this.name = name;
        this.hidden = hidden;
    }

    /**
     * The hidden states of every step.
     *
     * @param sequence {@code N x T x in}
     * @return T variables {@code N x H}, h_1 ... h_T
     */
    SDVariable[] run(SDVariable sequence, int steps, long inputSize) {
        SameDiff sd = graph.sameDiff();
        double bound = 1 / Math.sqrt(hidden);
        SDVariable weightIh = graph.parameter(name + ".weight_ih_l0", GraphBuilder.uniform(bound), inputSize, 4L * hidden);
        SDVariable weightHh = graph.parameter(name + ".weight_hh_l0", GraphBuilder.uniform(bound), hidden, 4L * hidden);
        SDVariable biasIh = graph.parameter(name + ".bias_ih_l0", GraphBuilder.uniform(bound), 4L * hidden);
        SDVariable biasHh = graph.parameter(name + ".bias_hh_l0", GraphBuilder.uniform(bound), 4L * hidden);
        // The input's part of every step's gates in one product: (N*T) x in times in x 4H.
        SDVariable flat = sd.reshape(name + ".flat", sequence, -1, inputSize);
        SDVariable projected = sd.reshape(name + ".input_gates",
                flat.mmul(weightIh).add(biasIh).add(biasHh), -1, steps, 4L * hidden);
        SDVariable[] states = new SDVariable[steps];
        SDVariable h = null;
        SDVariable c = null;
        for (int t = 0; t < steps; t++) {
            String step = name + ".step" + t;
            SDVariable gates = projected.get(SDIndex.all(), SDIndex.point(t), SDIndex.all());
            if (h != null) {
                gates = gates.add(h.mmul(weightHh));
            }
            SDVariable in = sd.nn().sigmoid(step + ".i", gate(gates, 0));
            SDVariable forget = sd.nn().sigmoid(step + ".f", gate(gates, 1));
            SDVariable cell = sd.math().tanh(step + ".g", gate(gates, 2));
            SDVariable out = sd.nn().sigmoid(step + ".o", gate(gates, 3));
            SDVariable update = in.mul(cell);
            c = c == null ? update : forget.mul(c).add(update); // c_0 = 0: the first step keeps the update only
            h = sd.math().tanh(step + ".c_tanh", c).mul(step + ".h", out);
            states[t] = h;
        }
        return states;
    }

    private SDVariable gate(SDVariable gates, int index) {
        return gates.get(SDIndex.all(), SDIndex.interval((long) index * hidden, (long) (index + 1) * hidden));
    }
}
