package io.action4j.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.engine.training.ParamSchedulerConfig.CosineAnnealingLR;
import io.action4j.engine.training.ParamSchedulerConfig.LinearLR;
import io.action4j.engine.training.ParamSchedulerConfig.MultiStepLR;
import io.action4j.engine.training.ParamSchedulerConfig.StepLR;
import io.action4j.registry.PluginLoader;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigException;
import io.action4j.registry.config.ConfigLoader;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The training sections bound from YAML by the real {@link ConfigBinder}, as a config file would be. */
class TrainingConfigTest {

    /** The keys as a training config will hold them. */
    record Training(OptimWrapperConfig optimWrapper, List<ParamSchedulerConfig> paramScheduler) {
    }

    private static ConfigBinder binder;

    @BeforeAll
    static void createBinder() {
        binder = new ConfigBinder(PluginLoader.load(TrainingConfigTest.class.getClassLoader(), List.of()));
    }

    @Test
    void mmaction2SgdWithClippingBinds() {
        Training training = bind("""
                optimWrapper:
                  optimizer: {type: SGD, lr: 0.01, momentum: 0.9, weightDecay: 0.0001}
                  clipGrad: {maxNorm: 40, normType: 2}
                paramScheduler:
                  - {type: MultiStepLR, begin: 0, end: 100, byEpoch: true, milestones: [40, 80], gamma: 0.1}
                """);

        assertThat(training.optimWrapper().optimizer())
                .isEqualTo(new OptimizerConfig("SGD", 0.01, 0.9, false, 0.0001, null, null));
        assertThat(training.optimWrapper().clipGrad()).isEqualTo(new ClipGradConfig(40.0, 2.0));
        assertThat(training.optimWrapper().paramwiseCfg()).isEqualTo(ParamwiseConfig.NONE);
        assertThat(training.paramScheduler())
                .containsExactly(new MultiStepLR(List.of(40, 80), 0.1, 0, 100, true, false));
    }

    @Test
    void absentKeysTakePyTorchsDefaults() {
        assertThat(bind("optimWrapper:\n  optimizer: {type: SGD, lr: 0.1}\n").optimWrapper().optimizer())
                .isEqualTo(new OptimizerConfig("SGD", 0.1, 0.0, false, 0.0, null, null));
        assertThat(bind("optimWrapper:\n  optimizer: {type: AdamW}\n").optimWrapper().optimizer())
                .isEqualTo(new OptimizerConfig("AdamW", 0.001, null, null, 0.01, List.of(0.9, 0.999), 1e-8));
        assertThat(bind("optimWrapper:\n  optimizer: {type: adamw, lr: 3}\n  clipGrad: {maxNorm: 1}\n").optimWrapper())
                .satisfies(wrapper -> {
                    assertThat(wrapper.optimizer().type()).isEqualTo("AdamW");
                    assertThat(wrapper.optimizer().lr()).isEqualTo(3.0);
                    assertThat(wrapper.clipGrad().normType()).isEqualTo(2.0);
                });
    }

    @Test
    void schedulersBindWithMmengineDefaults() {
        Training training = bind("""
                paramScheduler:
                  - {type: LinearLR, startFactor: 0.1, byEpoch: true, begin: 0, end: 5, convertToIterBased: true}
                  - {type: CosineAnnealingLR, tMax: 45, etaMin: 0, byEpoch: true, begin: 5, end: 50}
                  - {type: StepLR, stepSize: 3}
                  - {type: linearlr}
                """);

        assertThat(training.paramScheduler()).containsExactly(
                new LinearLR(0.1, 1.0, 0, 5, true, true),
                new CosineAnnealingLR(45, 0.0, 5, 50, true, false),
                new StepLR(3, 0.1, 0, null, true, false),
                new LinearLR(1.0 / 3, 1.0, 0, null, true, false));
    }

    @Test
    void resolvedConfigReadsBackTheSame() {
        Training training = bind("""
                optimWrapper:
                  optimizer: {type: AdamW, lr: 0.0005, betas: [0.8, 0.99]}
                  paramwiseCfg: {normDecayMult: 0}
                  clipGrad: {maxNorm: 1, normType: 1}
                paramScheduler:
                  - {type: LinearLR, startFactor: 0.1, end: 3, convertToIterBased: true}
                  - {type: CosineAnnealingLR, begin: 3}
                """);

        String yaml = binder.toYaml(training);

        assertThat(yaml).contains("type: LinearLR").contains("type: CosineAnnealingLR").doesNotContain("momentum");
        assertThat(training.optimWrapper().clipGrad().normType()).isEqualTo(1.0);
        assertThat(bind(yaml)).isEqualTo(training);
    }

    @Test
    void unknownOptimizerListsTheSupportedOnes() {
        assertFails("optimWrapper:\n  optimizer: {type: RMSprop, lr: 0.1}\n")
                .hasMessageContaining("optimWrapper.optimizer.type: unknown optimizer 'RMSprop'; supported: [SGD, AdamW, Adam]");
    }

    @Test
    void badOptimizerValuesNameTheirKey() {
        assertFails("optimWrapper:\n  optimizer: {type: SGD, lr: -0.1}\n")
                .hasMessageContaining("optimWrapper.optimizer.lr: must be a finite number >= 0, got -0.1");
        assertFails("optimWrapper:\n  optimizer: {type: SGD}\n")
                .hasMessageContaining("optimWrapper.optimizer.lr: is required");
        assertFails("optimWrapper:\n  optimizer: {type: AdamW, betas: [0.9]}\n")
                .hasMessageContaining("optimWrapper.optimizer.betas: must hold two values (beta1, beta2), got [0.9]");
        assertFails("optimWrapper:\n  optimizer: {type: AdamW, betas: [0.9, 1.0]}\n")
                .hasMessageContaining("optimWrapper.optimizer.betas: must hold values in [0, 1)");
        assertFails("optimWrapper:\n  optimizer: {type: AdamW, momentum: 0.9}\n")
                .hasMessageContaining("optimWrapper.optimizer.momentum: is not a AdamW setting");
        assertFails("optimWrapper:\n  optimizer: {type: SGD, lr: 0.1, nesterov: true}\n")
                .hasMessageContaining("optimWrapper.optimizer.nesterov: needs a positive momentum");
        assertFails("optimWrapper:\n  optimizer: {type: SGD, lr: 0.1, dampening: 0.1}\n")
                .hasMessageContaining("optimWrapper.optimizer.dampening: unknown key");
        assertFails("optimWrapper:\n  optimizer: {type: SGD, lr: 0.1}\n  clipGrad: {normType: 2}\n")
                .hasMessageContaining("optimWrapper.clipGrad.maxNorm: is required");
        assertFails("optimWrapper:\n  optimizer: {type: SGD, lr: 0.1}\n  clipGrad: {maxNorm: 1, normType: 0}\n")
                .hasMessageContaining("optimWrapper.clipGrad.normType: must be a positive finite number, got 0.0");
        assertFails("optimWrapper:\n  type: AmpOptimWrapper\n  optimizer: {type: SGD, lr: 0.1}\n")
                .hasMessageContaining("optimWrapper.type: only OptimWrapper is supported, got AmpOptimWrapper");
    }

    @Test
    void unknownSchedulerListsTheSupportedOnes() {
        assertFails("paramScheduler:\n  - {type: StepLR, stepSize: 1}\n  - {type: PolyLR, power: 1}\n")
                .hasMessageContaining("paramScheduler[1].type: unknown parameter scheduler 'PolyLR'; supported: "
                        + "[CosineAnnealingLR, LinearLR, MultiStepLR, StepLR]");
        assertFails("paramScheduler:\n  - {stepSize: 1}\n")
                .hasMessageContaining("paramScheduler[0].type: a parameter scheduler needs 'type'");
    }

    @Test
    void badSchedulerValuesNameTheirKey() {
        assertFails("paramScheduler:\n  - {type: StepLR, stepSize: 1, milestones: [2]}\n")
                .hasMessageContaining("paramScheduler[0].milestones: unknown key")
                .hasMessageContaining("stepSize");
        assertFails("paramScheduler:\n  - {type: LinearLR, begin: 5, end: 5}\n")
                .hasMessageContaining("paramScheduler[0].end: must be greater than begin (5), got 5");
        assertFails("paramScheduler:\n  - {type: LinearLR, startFactor: 0}\n")
                .hasMessageContaining("paramScheduler[0].startFactor: must be in (0, 1], got 0.0");
        assertFails("paramScheduler:\n  - {type: MultiStepLR}\n")
                .hasMessageContaining("paramScheduler[0].milestones: is required");
        assertFails("paramScheduler:\n  - {type: CosineAnnealingLR, byEpoch: false, convertToIterBased: true}\n")
                .hasMessageContaining("paramScheduler[0].convertToIterBased: only an epoch-based scheduler");
    }

    private Training bind(String yaml) {
        return binder.bind(new ConfigLoader().parse(yaml, "train.yaml"), Training.class);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertFails(String yaml) {
        return assertThatThrownBy(() -> bind(yaml)).isInstanceOf(ConfigException.class).hasMessageStartingWith("train.yaml: ");
    }
}
