package io.action4j.plugins.s3d;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Sets a graph's parameters and buffers from a torchvision state dict, asserting a one-to-one fit. */
final class StateDictLoader {

    private StateDictLoader() {
    }

    static void load(S3dGraph graph, Map<String, INDArray> stateDict) {
        Set<String> loaded = new TreeSet<>();
        stateDict.forEach((key, value) -> {
            String name = TorchvisionKeys.graphName(key).orElseThrow(() -> new AssertionError("no rule for " + key));
            SDVariable variable = graph.sameDiff().getVariable(name);
            assertThat(variable).as("graph variable for torchvision's %s", key).isNotNull();
            // torch conv3d weights are out, in, kT, kH, kW; ND4J's are kT, kH, kW, in, out.
            INDArray array = value.rank() == 5 ? value.permute(2, 3, 4, 1, 0).dup('c') : value;
            assertThat(array.shape()).as(name).containsExactly(variable.getArr().shape());
            variable.setArray(array);
            loaded.add(name);
        });
        // Every parameter and running statistic came from torchvision, none kept its initial value.
        assertThat(loaded).containsExactlyElementsOf(parametersAndBuffers(graph));
    }

    static Set<String> parametersAndBuffers(S3dGraph graph) {
        Set<String> names = new TreeSet<>();
        for (SDVariable variable : graph.sameDiff().variables()) {
            if (variable.getVariableType() == VariableType.VARIABLE || variable.getVariableType() == VariableType.CONSTANT) {
                names.add(variable.name());
            }
        }
        return names;
    }
}
