package dev.drpilot.app.wiring;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionRegistry;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.engine.EngineFactory;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.Sleeper;
import dev.drpilot.engine.StepWorkerEngines;
import dev.drpilot.incident.DaemonThreads;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.rehearsal.Tabletops;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What DR Pilot is built from, made once per process by {@code Main} and handed to the window and
 * to every command: the action catalogue (read once), the engine factory (its step workers from the
 * app's thread factory), the rule of where the incident log is, the runbooks that ship, and how a
 * team log is reached.
 */
public final class DrPilotServices {

    private final Supplier<ActionCatalog> catalogReader;
    private final EngineFactory engines;
    private final LogLocation logLocation;
    private final Path runbooks;
    private final TeamLogs teamLogs;
    private ActionCatalog catalog;

    /**
     * @param catalogReader reads the catalogue on first use, not before: reading it takes about a second on
     *                      a cold start, which the window's first frame and a command that needs no catalogue do not wait for
     * @param runbooks      the folder of the runbooks that ship with DR Pilot
     * @param teamLogs      the login to a team log (from the environment or a pgpass file)
     */
    public DrPilotServices(
            Supplier<ActionCatalog> catalogReader,
            EngineFactory engines,
            LogLocation logLocation,
            Path runbooks,
            TeamLogs teamLogs) {
        this.catalogReader = catalogReader;
        this.engines = engines;
        this.logLocation = logLocation;
        this.runbooks = runbooks;
        this.teamLogs = teamLogs;
    }

    /**
     * The services of this process: the built-in catalogue, step workers on daemon threads, DRPILOT_LOG, the shipped
     * runbooks, and the team log's login from this process's environment.
     */
    public static DrPilotServices fromEnvironment() {
        return new DrPilotServices(
                ActionCatalog::builtIn,
                new StepWorkerEngines(new DaemonThreads("drpilot-steps")),
                LogLocation.fromEnvironment(),
                ShippedRunbooks.folder(),
                TeamLogs.fromEnvironment());
    }

    public synchronized ActionCatalog catalog() {
        if (catalog == null) catalog = catalogReader.get();
        return catalog;
    }

    public EngineFactory engines() {
        return engines;
    }

    /** Tabletops on this catalogue and engine factory. */
    public Tabletops tabletops() {
        return new Tabletops(catalog(), engines);
    }

    public LogLocation logLocation() {
        return logLocation;
    }

    /** How a team log is reached (--team-log, the window's setting). */
    public TeamLogs teamLogs() {
        return teamLogs;
    }

    /** The folder of the runbooks that ship with DR Pilot ({@link ShippedRunbooks}). */
    public Path runbooksFolder() {
        return runbooks;
    }

    /** An engine on the log for a real incident, on the operator's AWS settings and kubeconfig as the environment gives them. */
    public IncidentEngine engine(IncidentLogStore log) {
        return engine(log, new AwsClients(EngineWiring.awsSettings()));
    }

    /** An engine on the given AWS clients, with the operator's kubeconfig for any Kubernetes step. */
    public IncidentEngine engine(IncidentLogStore log, AwsClients aws) {
        return engine(log, aws, new KubeClients(KubeSettings.fromEnvironment()));
    }

    /** An engine whose actions call AWS and Kubernetes through these clients, on the wall clock. */
    public IncidentEngine engine(IncidentLogStore log, AwsClients aws, KubeClients kube) {
        return engines.engine(
                log, new ActionRegistry(catalog(), EngineWiring.actions(aws, kube)), Clock.systemUTC(), Sleeper.real());
    }
}
