package dev.drpilot.app;

import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.app.wiring.EngineWiring;
import dev.drpilot.export.IncidentExports;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.readiness.ReadinessChecks;
import dev.drpilot.readiness.ReadinessConfig;
import dev.drpilot.readiness.ReadinessLog;
import dev.drpilot.rehearsal.Exercise;
import dev.drpilot.rehearsal.ExerciseLoader;
import dev.drpilot.runbook.RunbookLoader;
import dev.drpilot.ui.DrPilotApplication;
import dev.drpilot.ui.TeamLogLink;
import dev.drpilot.ui.UiBackend;
import dev.drpilot.ui.UiSettings;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Opens the desktop app's window, on the log the operator named or else the usual one, or says in one sentence why it cannot. */
final class DesktopWindow {

    private final DrPilotServices services;

    DesktopWindow(DrPilotServices services) {
        this.services = services;
    }

    /**
     * Shows the window until it is closed.
     *
     * @param log     the incident log given with --log, or null
     * @param teamLog the team log's URL given with --team-log, or null (then the window's setting, if any)
     * @return the exit status: 0 once the window is closed, 1 when there is no display to show it on
     */
    int open(Path log, String teamLog, PrintWriter err) {
        if (!hasDisplay()) {
            err.println("no display: use the command line (`drpilot --help` lists its commands), or set DISPLAY");
            err.flush();
            return 1;
        }
        if (System.getenv("DRPILOT_STARTUP_PROBE") != null) {
            DrPilotApplication.whenFirstFrameShows(millis -> {
                System.out.println("first frame " + millis + " ms after the process started");
                System.exit(0);
            });
        }
        DrPilotApplication.start(new String[0], settings -> backend(settings, log, teamLog));
        return 0;
    }

    /**
     * What the window works with: the shipped runbooks (and the operator's, in the data folder's
     * runbooks/), the log where {@link dev.drpilot.app.wiring.LogLocation} puts it, the engine on
     * the settings' AWS profile, region and endpoint and Kubernetes context (else the
     * environment's), an exports folder beside the log, and the team log --team-log or the settings
     * name, if any. Called off the FX thread, after the window is on screen.
     *
     * @param commandLineLog     the incident log given with --log, or null
     * @param commandLineTeamLog the team log's URL given with --team-log, or null
     */
    UiBackend backend(UiSettings settings, Path commandLineLog, String commandLineTeamLog) {
        Path logFile = services.logLocation().of(commandLineLog, settings.logLocation());
        IncidentLogStore log =
                IncidentLogStore.open(logFile, Clock.systemUTC(), System.getProperty("user.name", "operator"));
        Path dataFolder = logFile.toAbsolutePath().getParent();
        List<Path> folders = new ArrayList<>();
        for (Path folder : List.of(services.runbooksFolder(), dataFolder.resolve("runbooks"))) {
            if (Files.isDirectory(folder)) folders.add(folder);
        }
        RunbookLoader.Result loaded = new RunbookLoader(services.catalog()).load(folders);
        List<Exercise> exercises = new ArrayList<>();
        for (Path folder : folders) {
            exercises.addAll(new ExerciseLoader(loaded.runbooks(), services.catalog())
                    .loadFolder(folder.resolve("exercises"))
                    .exercises());
        }
        AwsClients aws = new AwsClients(
                EngineWiring.awsSettings(settings.awsProfile(), settings.awsRegion(), settings.awsEndpoint()));
        KubeClients kube = new KubeClients(EngineWiring.kubeSettings(settings.kubeContext()));
        return new UiBackend(
                loaded.runbooks(),
                exercises,
                log,
                IncidentExports.logged(log),
                new ReadinessLog(log),
                services.engine(log, aws, kube),
                dataFolder.resolve("exports"),
                aws::whoAmI,
                run -> LiveStatusSources.of(run.runbook(), run.parameterValues(), aws, kube),
                new AccountSuggestions(aws, kube),
                services.tabletops().on(log),
                teamLog(commandLineTeamLog != null ? commandLineTeamLog : settings.teamLog(), log),
                () -> new ReadinessChecks(aws, kube, Clock.systemUTC(), loaded.runbooks(), services.catalog(), true)
                        .run(ReadinessConfig.guideDefaults()));
    }

    /** The link to the team log at {@code url}, none for a blank one, or one that says why the URL cannot be used. */
    private TeamLogLink teamLog(String url, IncidentLogStore log) {
        if (url.isBlank()) return TeamLogLink.NONE;
        try {
            return new WindowTeamLog(services.teamLogs().connect(url, log));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return WindowTeamLog.unusable(e.getMessage());
        }
    }

    /** Windows and macOS always have one; elsewhere X11 or Wayland must be named, unless JavaFX draws off screen (Monocle). */
    private static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")
                || os.contains("mac")
                || "Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) return true;
        return isSet("DISPLAY") || isSet("WAYLAND_DISPLAY");
    }

    private static boolean isSet(String variable) {
        String value = System.getenv(variable);
        return value != null && !value.isBlank();
    }
}
