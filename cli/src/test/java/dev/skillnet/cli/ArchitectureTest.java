package dev.skillnet.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture as rules over the compiled classes of every module (this module's class path
 * holds them all): no package cycles, and the layers point one way — a service that only predicts
 * (the {@code inference} module) or serves (the {@code server} module) reaches no training, benchmark or
 * command-line code.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // Another module's test classes arrive as a test jar (convert's, here): not main code.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.skillnet");
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("dev.skillnet.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void inferenceUsesNoTrainingBenchmarkOrCommandLineCode() {
        noClasses().that().resideInAPackage("dev.skillnet.inference..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.skillnet.train..", "dev.skillnet.bench..",
                        "dev.skillnet.cli..", "dev.skillnet.convert..")
                .check(classes);
    }

    @Test
    void theOnnxEngineUsesNoTrainingBenchmarkOrCommandLineCode() {
        noClasses().that().resideInAPackage("dev.skillnet.onnx..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.skillnet.train..", "dev.skillnet.bench..",
                        "dev.skillnet.cli..", "dev.skillnet.convert..")
                .check(classes);
    }

    @Test
    void theServerUsesNoTrainingBenchmarkOrCommandLineCode() {
        noClasses().that().resideInAPackage("dev.skillnet.server..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.skillnet.train..", "dev.skillnet.bench..",
                        "dev.skillnet.cli..", "dev.skillnet.convert..")
                .check(classes);
    }

    @Test
    void theLowerLayersUseNoTaskRunnerAboveThem() {
        noClasses().that().resideInAnyPackage("dev.skillnet.core..", "dev.skillnet.skills..", "dev.skillnet.data..",
                        "dev.skillnet.model..", "dev.skillnet.eval..", "dev.skillnet.tasks..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.skillnet.inference..", "dev.skillnet.train..",
                        "dev.skillnet.onnx..", "dev.skillnet.server..", "dev.skillnet.bench..", "dev.skillnet.cli..")
                .check(classes);
    }

    @Test
    void theRulesSeeEveryModule() {
        for (String p : new String[] {"dev.skillnet.core", "dev.skillnet.model.bert", "dev.skillnet.tasks.kinds",
                "dev.skillnet.inference", "dev.skillnet.onnx",
                "dev.skillnet.server", "dev.skillnet.train", "dev.skillnet.train.optim",
                "dev.skillnet.cli"}) {
            org.junit.jupiter.api.Assertions.assertTrue(classes.containPackage(p), "classes of " + p + " were not read");
        }
    }
}
