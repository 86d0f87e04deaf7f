package io.action4j.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.action4j.api.archfixture.ApiUsingJavaCv;
import io.action4j.engine.archfixture.EngineUsingATask;
import io.action4j.localization.archfixture.LocalizationUsingOthers;
import io.action4j.nativebuilds.archfixture.NativeBuildsUsingApi;
import io.action4j.plugins.archfixture.PluginUsingRegistry;
import io.action4j.registry.archfixture.RegistryBreakingRules;
import io.action4j.spark.archfixture.SparkUsingThePlugins;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each rule fails on a deliberate violation (the {@code archfixture} classes in the test sources),
 * naming the offending class: a rule that cannot fail would guard nothing.
 */
class ArchitectureRulesTest {

    private static final JavaClasses FIXTURES = new ClassFileImporter().importClasses(ApiUsingJavaCv.class,
            PluginUsingRegistry.class, LocalizationUsingOthers.class, RegistryBreakingRules.class,
            NativeBuildsUsingApi.class, EngineUsingATask.class, SparkUsingThePlugins.class, io.action4j.plugins.video.VideoReadersPlugin.class,
            io.action4j.spatiotemporal.SpatioTemporalPlugin.class, io.action4j.launcher.Main.class);

    @Test
    void everyRuleFailsOnItsDeliberateViolation() {
        Map<ArchRule, Class<?>> violations = Map.ofEntries(
                Map.entry(ArchitectureRules.API_STANDS_ALONE, ApiUsingJavaCv.class),
                Map.entry(ArchitectureRules.PLUGINS_SEE_ONLY_THE_API, PluginUsingRegistry.class),
                Map.entry(ArchitectureRules.PLUGINS_ARE_INDEPENDENT, PluginUsingRegistry.class),
                Map.entry(ArchitectureRules.TASKS_ARE_INDEPENDENT, LocalizationUsingOthers.class),
                Map.entry(ArchitectureRules.TASKS_SEE_NEITHER_LAUNCHER_NOR_PLUGINS, LocalizationUsingOthers.class),
                Map.entry(ArchitectureRules.NOTHING_DEPENDS_ON_THE_LAUNCHER, LocalizationUsingOthers.class),
                Map.entry(ArchitectureRules.ONLY_THE_LAUNCHER_HAS_MAIN, RegistryBreakingRules.class),
                Map.entry(ArchitectureRules.ONLY_THE_LAUNCHER_USES_GUICE, RegistryBreakingRules.class),
                Map.entry(ArchitectureRules.VIDEO_LIBRARIES_STAY_IN_THEIR_PLUGINS, RegistryBreakingRules.class),
                Map.entry(ArchitectureRules.NATIVE_BUILDS_STAND_ALONE, NativeBuildsUsingApi.class),
                Map.entry(ArchitectureRules.REGISTRY_ONLY_DISCOVERS_AND_BINDS, RegistryBreakingRules.class),
                Map.entry(ArchitectureRules.ENGINE_IS_TASK_NEUTRAL, EngineUsingATask.class),
                Map.entry(ArchitectureRules.SPARK_RUNS_THE_TASK_FACADES, SparkUsingThePlugins.class));

        assertThat(violations.keySet()).containsExactlyInAnyOrderElementsOf(Arrays.asList(ArchitectureRules.ALL));
        violations.forEach((rule, offender) -> {
            EvaluationResult result = rule.evaluate(FIXTURES);
            assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
            assertThat(String.join("\n", result.getFailureReport().getDetails())).as(rule.getDescription())
                    .contains(offender.getName());
        });
    }
}
