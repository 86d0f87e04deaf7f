package io.action4j.nativebuilds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A program that only uses ND4J, as a library user's does: no launcher, no call into action4j, no
 * flag on the JVM (Surefire passes none). ND4J's first use must load the build chosen for this CPU.
 */
class FirstUseSelectionTest {

    @Test
    void firstUseOfNd4jLoadsTheBuildChosenForThisCpu() {
        INDArray product = Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}}).mmul(Nd4j.eye(2).castTo(
                org.nd4j.linalg.api.buffer.DataType.FLOAT));

        Nd4jBuildSelection selection = Nd4jBuilds.select();
        Nd4jBuild expected = Nd4jBuilds.choose(CpuFeatures.ofThisMachine(), Nd4jBuilds.shipped(),
                Nd4jBuilds.request(System.getenv())).build().orElseThrow();
        assertThat(product.toFloatMatrix()).isEqualTo(new float[][] {{1, 2}, {3, 4}});
        assertThat(selection.build()).contains(expected);
        assertThat(Nd4jBuilds.loadedLibrary()).hasValueSatisfying(path ->
                assertThat(path).contains("/" + expected.classifier() + "/libnd4jcpu.so"));
    }

    @Test
    void allThreeOneDnnBuildsShip() {
        assertThat(Nd4jBuilds.shipped())
                .containsExactly(Nd4jBuild.ONEDNN_AVX512, Nd4jBuild.ONEDNN_AVX2, Nd4jBuild.ONEDNN);
    }

    @Test
    void withoutARequestTheFastestRunnableBuildIsChosen() {
        Optional<Nd4jBuilds.Request> request = Nd4jBuilds.request(System.getenv());
        Nd4jBuildSelection selection = Nd4jBuilds.select();

        if (request.isEmpty()) {
            List<Nd4jBuild> runnable = selection.runnable();
            assertThat(selection.build()).contains(runnable.get(0));
            assertThat(selection.forcedBy()).isEmpty();
        } else {
            assertThat(selection.forcedBy()).contains(request.get().describe());
        }
    }
}
