package dev.drpilot.app.cli;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.app.wiring.EngineWiring;
import dev.drpilot.engine.Sleeper;
import dev.drpilot.incident.HashChain;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentLogUnavailableException;
import dev.drpilot.readiness.ReadinessChecks;
import dev.drpilot.readiness.ReadinessConfig;
import dev.drpilot.readiness.ReadinessConfigException;
import dev.drpilot.readiness.ReadinessLog;
import dev.drpilot.readiness.ReadinessReport;
import dev.drpilot.readiness.ReadinessRow;
import dev.drpilot.readiness.ReadinessTrend;
import dev.drpilot.readiness.RegionDependency;
import dev.drpilot.readiness.Verdict;
import dev.drpilot.readiness.VerdictChanges;
import dev.drpilot.runbook.Runbook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "readiness",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ReadinessCommand.DID_NOT_RUN,
        description = {
            "Measures, from the live account, the RPO the team could reach right now: a row per target of the DR guide with its figure, target and verdict.",
            "Exit code: 0 every target met, 1 a target breached, 2 none breached but some unknown (could not be read), 3 did not run (config or command line).",
            "With --every, the checks run again at that interval until Ctrl-C.",
            "Each run is kept in the incident log (outside any incident); --history prints the trend of the runs kept."
        })
public final class ReadinessCommand implements Callable<Integer> {

    /** The config or the command line was wrong: nothing was measured. */
    static final int DID_NOT_RUN = 3;

    private final Supplier<ActionCatalog> catalog;
    private final Supplier<AwsSettings> settings;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "The resources to read (docs/examples/readiness.yaml); without it, the guide's names (druid-metadata, fff-druid-deep-storage, webapp-users...).")
    Path config;

    @Mixin
    RunbookOptions runbooks;

    @Option(names = "--json", description = "Print the report as JSON (docs/readiness.md) instead of a table.")
    boolean json;

    @Option(
            names = "--skip-preconditions",
            description =
                    "Leave out the runbooks' precondition rows (IAM simulation of their actions, Kubernetes access reviews of their verbs), for an identity or emulator that cannot answer them.")
    boolean skipPreconditions;

    @Option(
            names = "--every",
            paramLabel = "INTERVAL",
            description =
                    "Run the checks again every INTERVAL (90s, 30m, 1h) until Ctrl-C: the first report in full, then a line each time a verdict changes.")
    String every;

    @Option(
            names = "--history",
            description =
                    "Measure nothing: print, from the runs kept in the log, each row's verdict and since when it has had it.")
    boolean history;

    @Mixin
    LogOptions log;

    /** How many runs --every makes before it stops (tests end the loop with it). */
    @Option(names = "--times", hidden = true)
    Integer times;

    private final Sleeper sleeper;
    private final Supplier<KubeSettings> kubeSettings;

    public ReadinessCommand(DrPilotServices services) {
        this(services::catalog, EngineWiring::awsSettings, KubeSettings::fromEnvironment, Sleeper.real());
    }

    /**
     * @param catalog  the actions' contracts, read once by the composition root when first needed
     * @param settings the AWS profile, region and endpoint to read with (the environment's, as for `run`)
     * @param kubeSettings the kubeconfig the Kubernetes runbooks' access is reviewed with (KUBECONFIG, as for `run`)
     * @param sleeper  waits between the runs of --every
     */
    ReadinessCommand(
            Supplier<ActionCatalog> catalog,
            Supplier<AwsSettings> settings,
            Supplier<KubeSettings> kubeSettings,
            Sleeper sleeper) {
        this.catalog = catalog;
        this.settings = settings;
        this.kubeSettings = kubeSettings;
        this.sleeper = sleeper;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (history) return history(out);
        ReadinessConfig resources;
        try {
            resources = config == null ? ReadinessConfig.guideDefaults() : ReadinessConfig.load(config);
        } catch (ReadinessConfigException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return DID_NOT_RUN;
        }
        Duration interval = null;
        if (every != null) {
            interval = interval(every);
            if (interval == null) {
                spec.commandLine()
                        .getErr()
                        .println("--every '" + every
                                + "' is not an interval: give a number and a unit, such as 90s, 30m or 1h.");
                return DID_NOT_RUN;
            }
        }
        List<Runbook> loaded = runbooks.loadOrReport(spec.commandLine().getErr());
        if (loaded == null) return DID_NOT_RUN;
        PrintWriter err = spec.commandLine().getErr();
        try (AwsClients aws = new AwsClients(settings.get());
                KubeClients kube = new KubeClients(kubeSettings.get());
                IncidentLogStore store = openLog(err)) {
            ReadinessLog kept = store == null ? null : new ReadinessLog(store);
            ReadinessChecks checks =
                    new ReadinessChecks(aws, kube, Clock.systemUTC(), loaded, catalog.get(), !skipPreconditions);
            ReadinessReport before = newestKept(kept, err);
            ReadinessReport report = checks.run(resources);
            keep(kept, report, err);
            out.print(json ? report.toJson() + System.lineSeparator() : table(report));
            notices(before, report, json ? err : out);
            out.flush();
            if (interval == null) return report.exitCode();
            out.println(
                    "Checking again every " + every + " (Ctrl-C to stop); a line follows each change of a verdict.");
            out.flush();
            for (int run = 1; times == null || run < times; run++) {
                sleeper.sleep(interval);
                ReadinessReport next = checks.run(resources);
                keep(kept, next, err);
                VerdictChanges.between(report, next).forEach(out::println);
                notices(report, next, out);
                out.flush();
                report = next;
            }
            return report.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DID_NOT_RUN;
        }
    }

    /** The log the runs are kept in, or null (said on stderr) when it cannot be opened: the checks run all the same. */
    private IncidentLogStore openLog(PrintWriter err) {
        try {
            return log.open();
        } catch (IncidentLogUnavailableException e) {
            err.println("Readiness not kept in the log: " + e.getMessage());
            return null;
        }
    }

    private static ReadinessReport newestKept(ReadinessLog kept, PrintWriter err) {
        if (kept == null) return null;
        try {
            return kept.trend().newest();
        } catch (IncidentLogUnavailableException | IllegalArgumentException e) {
            err.println(
                    "The runs kept in the log could not be read, so no change is counted from them: " + e.getMessage());
            return null;
        }
    }

    private static void keep(ReadinessLog kept, ReadinessReport report, PrintWriter err) {
        if (kept == null) return;
        try {
            kept.keep(report);
        } catch (IncidentLogUnavailableException e) {
            err.println("Readiness at " + report.checkedAt() + " not kept in the log: " + e.getMessage());
        }
        err.flush();
    }

    /** A line per target breached since the run before (the last one kept, for the first run), with what to fix. */
    private static void notices(ReadinessReport before, ReadinessReport after, PrintWriter to) {
        List<ReadinessRow> breached = VerdictChanges.newlyBreached(before, after);
        if (breached.isEmpty()) return;
        to.println();
        breached.forEach(row -> to.println(VerdictChanges.notice(row)));
        to.flush();
    }

    /** The trend of the runs kept, read only: nothing is measured or written. */
    private int history(PrintWriter out) {
        try (IncidentLogStore store = log.openToRead()) {
            ReadinessTrend trend = new ReadinessLog(store).trend();
            if (trend.runs() == 0) {
                out.println("No readiness run is kept in " + store.file()
                        + " yet: each run of `drpilot readiness` keeps one.");
                return 0;
            }
            HashChain.Verification chain = store.readiness().verify();
            out.println(trend.runs() + " readiness runs kept in " + store.file() + ", the newest at "
                    + trend.newest().checkedAt() + "; "
                    + (chain.intact()
                            ? "their hash chain is intact."
                            : "their hash chain is BROKEN: " + chain.reason() + "."));
            out.println();
            TextTable table = new TextTable("VERDICT", "TARGET (DR GUIDE)", "SINCE", "BEFORE", "RUNS", "CHANGES");
            for (ReadinessTrend.RowTrend row : trend.rows()) {
                table.row(
                        row.row().verdict().word(),
                        row.row().name(),
                        row.since().toString(),
                        row.before() == null ? "-" : row.before().word(),
                        Integer.toString(row.runs()),
                        Integer.toString(row.changes()));
            }
            out.print(table);
            return trend.newest().exitCode();
        }
    }

    /** "90s", "30m", "1h" as a duration, or null when it is not one of those. */
    private static Duration interval(String text) {
        Matcher m = Pattern.compile("([1-9][0-9]*)([smh])").matcher(text.strip());
        if (!m.matches()) return null;
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    private static String table(ReadinessReport report) {
        TextTable table = new TextTable("VERDICT", "TARGET (DR GUIDE)", "MEASURED", "GOAL");
        for (ReadinessRow row : report.rows()) table.row(row.verdict().word(), row.name(), row.figure(), row.target());
        StringBuilder text = new StringBuilder("Readiness at " + report.checkedAt()
                        + (report.identity() == null ? "" : ", as " + report.identity()))
                .append(System.lineSeparator())
                .append(System.lineSeparator())
                .append(table);
        for (ReadinessRow row : report.rows()) {
            if (row.verdict() == Verdict.MET) continue;
            text.append(System.lineSeparator())
                    .append(row.verdict() == Verdict.BREACHED ? "Breached: " : "Unknown: ")
                    .append(row.name())
                    .append(System.lineSeparator())
                    .append("  ")
                    .append(row.verdict() == Verdict.BREACHED ? "Fix: " : "Why: ")
                    .append(row.detail());
        }
        if (!report.regionDependencies().isEmpty()) {
            text.append(System.lineSeparator())
                    .append("Runbooks that need a control plane outside their region:")
                    .append(System.lineSeparator());
            for (RegionDependency d : report.regionDependencies()) {
                text.append("  ")
                        .append(d.runbook())
                        .append(" (")
                        .append(String.join(", ", d.actions()))
                        .append("): ")
                        .append(d.plane().dependency())
                        .append(System.lineSeparator())
                        .append("    instead: ")
                        .append(
                                d.plane().alternative() == null
                                        ? "none regional; have it done before the incident"
                                        : d.plane().alternative())
                        .append(System.lineSeparator());
            }
        }
        text.append(System.lineSeparator())
                .append(report.count(Verdict.MET))
                .append(" met, ")
                .append(report.count(Verdict.BREACHED))
                .append(" breached, ")
                .append(report.count(Verdict.UNKNOWN))
                .append(" unknown")
                .append(System.lineSeparator());
        return text.toString();
    }
}
