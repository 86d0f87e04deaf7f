package io.action4j.plugins.resnet3d;
import org.junit.jupiter.api.Test;
class DebugNamesTest {
    @Test
    void names() {
        BackboneGraph g = BackboneGraph.build(Configs.defaults().baseChannels(1).build(), 4, 16, 16);
        g.sameDiff().variables().stream().filter(v -> v.getVariableType() != org.nd4j.autodiff.samediff.VariableType.ARRAY).limit(30).forEach(v -> System.out.println("VAR " + v.name() + " " + v.getVariableType()));
        System.out.println("OUT " + g.output().variable().name());
    }
}
