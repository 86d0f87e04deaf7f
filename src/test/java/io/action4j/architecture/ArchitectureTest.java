package io.action4j.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every architecture rule holds on the production classes of every module. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.action4j");
        // Every module is on this class path; an import that misses one would check nothing there.
        for (String module : new String[] {"api", "nativebuilds", "registry", "engine", "plugins.video", "plugins.resnet3d",
            "localization", "spatiotemporal", "synth", "launcher", "spark"}) {
            assertThat(production.containPackage("io.action4j." + module)).as(module).isTrue();
        }
    }

    static Stream<ArchRule> rules() {
        return Arrays.stream(ArchitectureRules.ALL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holds(ArchRule rule) {
        rule.check(production);
    }
}
