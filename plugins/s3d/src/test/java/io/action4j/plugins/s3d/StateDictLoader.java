package io.action4j.plugins.s3d;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.testing.ComponentGraph;
import io.action4j.testing.RecognizerGraph;
import io.action4j.testing.TorchLayout;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sets a graph's parameters and buffers from a torchvision state dict, asserting a one-to-one fit.
 * Keys go through {@link TorchvisionKeys} (not {@link ComponentGraph#load}'s local names nor
 * {@link RecognizerGraph#load}'s Recognizer keys) so the rules meant for the registry are exercised.
 */
final class StateDictLoader {

    private StateDictLoader() {
    }

    static void load(ComponentGraph graph, Map<String, INDArray> stateDict) {
        load(graph.sameDiff(), graph.parameterNames(), stateDict);
    }

    static void load(RecognizerGraph graph, Map<String, INDArray> stateDict) {
        load(graph.sameDiff(), graph.parameterNames(), stateDict);
    }

    private static void load(SameDiff graph, Set<String> parameterNames, Map<String, INDArray> stateDict) {
        Set<String> loaded = new TreeSet<>();
        stateDict.forEach((key, value) -> {
            String name = TorchvisionS3dKeys.MAPPING.toGraphName(key).orElseThrow(() -> new AssertionError("no rule for " + key));
            SDVariable variable = graph.getVariable(name);
            assertThat(variable).as("graph variable for torchvision's %s", key).isNotNull();
            INDArray array = value.rank() == 5 ? TorchLayout.conv3dWeight(value) : value;
            assertThat(array.shape()).as(name).containsExactly(variable.getArr().shape());
            variable.setArray(array);
            loaded.add(name);
        });
        // Every parameter and running statistic came from torchvision, none kept its initial value.
        assertThat(loaded).containsExactlyElementsOf(parameterNames);
    }
}
