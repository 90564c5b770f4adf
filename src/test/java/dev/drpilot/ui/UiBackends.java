package dev.drpilot.ui;

import dev.drpilot.action.StatusSource;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.export.IncidentExports;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.readiness.ReadinessLog;
import dev.drpilot.readiness.ReadinessReport;
import dev.drpilot.rehearsal.Exercise;
import dev.drpilot.rehearsal.Tabletops;
import dev.drpilot.runbook.Runbook;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Window backends for the tests, bound to a log as the app's DesktopWindow binds them. */
final class UiBackends {

    private UiBackends() {}

    /**
     * The window's engine on {@code log}, as the app builds it, with clients that name no account (no credentials, no
     * kubeconfig): for windows that only rehearse, whose resume still checks the runbook through the engine.
     */
    static IncidentEngine engineOn(IncidentLogStore log, Path dir) {
        return DrPilotServices.fromEnvironment()
                .engine(
                        log,
                        new AwsClients(AwsSettings.of(null, "us-west-2", null)),
                        new KubeClients(new KubeSettings(dir.resolve("no-kubeconfig"), null)));
    }

    /** A backend without exercises, live status, suggestions, tabletops or team log. */
    static UiBackend of(
            List<Runbook> runbooks,
            IncidentLogStore log,
            IncidentEngine engine,
            Path exportFolder,
            Supplier<String> whoAmI) {
        return of(
                runbooks,
                List.of(),
                log,
                engine,
                exportFolder,
                whoAmI,
                run -> List.of(),
                ParameterSuggestions.NONE,
                null,
                TeamLogLink.NONE);
    }

    /** A backend whose Readiness screen cannot measure: Check now says so. */
    static UiBackend of(
            List<Runbook> runbooks,
            List<Exercise> exercises,
            IncidentLogStore log,
            IncidentEngine engine,
            Path exportFolder,
            Supplier<String> whoAmI,
            Function<IncidentRun, List<StatusSource>> liveStatus,
            ParameterSuggestions suggestions,
            Tabletops tabletops,
            TeamLogLink teamLog) {
        return of(
                runbooks,
                exercises,
                log,
                engine,
                exportFolder,
                whoAmI,
                liveStatus,
                suggestions,
                tabletops,
                teamLog,
                () -> {
                    throw new IllegalStateException("This window has no AWS account to measure readiness in.");
                });
    }

    static UiBackend of(
            List<Runbook> runbooks,
            List<Exercise> exercises,
            IncidentLogStore log,
            IncidentEngine engine,
            Path exportFolder,
            Supplier<String> whoAmI,
            Function<IncidentRun, List<StatusSource>> liveStatus,
            ParameterSuggestions suggestions,
            Tabletops tabletops,
            TeamLogLink teamLog,
            Supplier<ReadinessReport> readiness) {
        return new UiBackend(
                runbooks,
                exercises,
                log,
                IncidentExports.logged(log),
                new ReadinessLog(log),
                engine,
                exportFolder,
                whoAmI,
                liveStatus,
                suggestions,
                tabletops == null ? null : tabletops.on(log),
                teamLog,
                readiness);
    }
}
