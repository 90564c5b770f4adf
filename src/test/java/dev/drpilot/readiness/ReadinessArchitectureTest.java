package dev.drpilot.readiness;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** readiness sits beside rehearsal: it reads through the actions and knows nothing of the screen, the engine or the command line. */
@AnalyzeClasses(packages = "dev.drpilot", importOptions = ImportOption.DoNotIncludeTests.class)
class ReadinessArchitectureTest {

    @ArchTest
    static final ArchRule readinessStaysBelowTheAppAndTheUi = noClasses()
            .that().resideInAPackage("dev.drpilot.readiness..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "dev.drpilot.ui..", "dev.drpilot.app..",
                    "dev.drpilot.engine..")
            .because("readiness runs from the command line, a timer or (later) a screen, without an incident");

    @ArchTest
    static final ArchRule nothingBelowReachesUpIntoReadiness = noClasses()
            .that().resideInAnyPackage("dev.drpilot.runbook..", "dev.drpilot.action..", "dev.drpilot.incident..", "dev.drpilot.engine..")
            .should().dependOnClassesThat().resideInAPackage("dev.drpilot.readiness..")
            .because("readiness is built on the actions, not the other way round");
}
