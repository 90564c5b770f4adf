package dev.drpilot.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.timeline.EventDescriptions;

/** The package rules of docs/architecture.md, enforced on every build. */
@AnalyzeClasses(packages = "dev.drpilot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheUiAndTheAppUseJavaFx = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.drpilot.runbook..",
                    "dev.drpilot.engine..",
                    "dev.drpilot.action..",
                    "dev.drpilot.incident..",
                    "dev.drpilot.timeline..",
                    "dev.drpilot.rehearsal..",
                    "dev.drpilot.teamlog..",
                    "dev.drpilot.export..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "atlantafx..")
            .because("the engine, the actions and the log must run without a screen (command line, tests, CI)");

    @ArchTest
    static final ArchRule theUiNeverCallsAnSdk = noClasses()
            .that()
            .resideInAPackage("dev.drpilot.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("software.amazon.awssdk..", "io.fabric8..", "java.sql..")
            .because("the UI observes the engine; it never calls AWS, Kubernetes or the database itself");

    @ArchTest
    static final ArchRule lowerLayersDoNotReachUp = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.drpilot.runbook..", "dev.drpilot.action..", "dev.drpilot.incident..", "dev.drpilot.teamlog..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.drpilot.engine..", "dev.drpilot.ui..", "dev.drpilot.app..")
            .because("the engine is built on the runbook, action and incident packages, not the other way round");

    @ArchTest
    static final ArchRule aRehearsalCannotReachARealEndpoint = noClasses()
            .that()
            .resideInAPackage("dev.drpilot.rehearsal..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.drpilot.action.aws..",
                    "dev.drpilot.action.k8s..",
                    "dev.drpilot.action.http..",
                    "dev.drpilot.action.process..",
                    "software.amazon.awssdk..",
                    "io.fabric8..",
                    "java.net..",
                    "java.net.http..",
                    "dev.drpilot.app..")
            .because(
                    "a tabletop plays every step from its script: it must have no way to build a client or open a connection");

    @ArchTest
    static final ArchRule nothingButTheCommandLinePrints = noClasses()
            .that()
            .resideOutsideOfPackage("dev.drpilot.app..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("everything else logs through SLF4J, or returns text for the caller to show");

    @ArchTest
    static final ArchRule noPackageDependsOnItselfThroughAnother = slices().matching("dev.drpilot.(**)")
            .should()
            .beFreeOfCycles()
            .because(
                    "each package, sub-packages included, builds on the ones below it; a cycle makes two packages one that cannot change alone");

    @ArchTest
    static final ArchRule readinessStaysBelowTheAppAndTheUi = noClasses()
            .that()
            .resideInAPackage("dev.drpilot.readiness..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "javafx..", "atlantafx..", "dev.drpilot.ui..", "dev.drpilot.app..", "dev.drpilot.engine..")
            .because("readiness runs from the command line, a timer or (later) a screen, without an incident");

    @ArchTest
    static final ArchRule nothingBelowReachesUpIntoReadiness = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.drpilot.runbook..", "dev.drpilot.action..", "dev.drpilot.incident..", "dev.drpilot.engine..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.drpilot.readiness..")
            .because("readiness is built on the actions, not the other way round");

    @ArchTest
    static final ArchRule theEngineAndTheTimelineStayBelowTheirCallers = noClasses()
            .that()
            .resideInAnyPackage("dev.drpilot.engine..", "dev.drpilot.timeline..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.drpilot.ui..", "dev.drpilot.app..", "dev.drpilot.rehearsal..", "dev.drpilot.export..")
            .because("the window, the command line, rehearsals and exports drive the engine and read the timeline,"
                    + " never the other way round");

    @ArchTest
    static final ArchRule theUiReadsTheTimelineOnlyThroughItsDescriptions = noClasses()
            .that()
            .resideInAPackage("dev.drpilot.ui..")
            .should()
            .dependOnClassesThat(resideInAPackage("dev.drpilot.timeline..").and(not(type(EventDescriptions.class))))
            .because("the window exports through the one export service (dev.drpilot.export), and describes an event"
                    + " as the post-mortem does; the writers are the timeline's own");

    @ArchTest
    static final ArchRule theUiNeverHoldsTheLogStore = noClasses()
            .that()
            .resideInAPackage("dev.drpilot.ui..")
            .should()
            .dependOnClassesThat(type(IncidentLogStore.class))
            .because("the window reads the log through IncidentLogView and writes through the engine, the exports and"
                    + " the readiness log the app binds to it");
}
