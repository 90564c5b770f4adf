package dev.drpilot.app.cli;

import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import dev.drpilot.app.wiring.EngineWiring;
import dev.drpilot.readiness.ReadinessChecks;
import dev.drpilot.readiness.ReadinessConfig;
import dev.drpilot.readiness.ReadinessConfigException;
import dev.drpilot.readiness.ReadinessReport;
import dev.drpilot.readiness.ReadinessRow;
import dev.drpilot.readiness.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "readiness", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ReadinessCommand.DID_NOT_RUN,
        description = {"Measures, from the live account, the RPO the team could reach right now: a row per target of the DR guide with its figure, target and verdict.",
                "Exit code: 0 every target met, 1 a target breached, 2 none breached but some unknown (could not be read), 3 did not run (config or command line)."})
public final class ReadinessCommand implements Callable<Integer> {

    /** The config or the command line was wrong: nothing was measured. */
    static final int DID_NOT_RUN = 3;

    private final Supplier<AwsSettings> settings;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The resources to read (docs/examples/readiness.yaml); without it, the guide's names (druid-metadata, fff-druid-deep-storage, webapp-users...).")
    Path config;

    @Option(names = "--json", description = "Print the report as JSON (docs/readiness.md) instead of a table.")
    boolean json;

    public ReadinessCommand() {
        this(EngineWiring::awsSettings);
    }

    /** @param settings the AWS profile, region and endpoint to read with (the environment's, as for `run`) */
    ReadinessCommand(Supplier<AwsSettings> settings) {
        this.settings = settings;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ReadinessConfig resources;
        try {
            resources = config == null ? ReadinessConfig.guideDefaults() : ReadinessConfig.load(config);
        } catch (ReadinessConfigException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return DID_NOT_RUN;
        }
        ReadinessReport report;
        try (AwsClients aws = new AwsClients(settings.get())) {
            report = new ReadinessChecks(aws, Clock.systemUTC()).run(resources);
        }
        out.print(json ? report.toJson() + System.lineSeparator() : table(report));
        out.flush();
        return report.exitCode();
    }

    private static String table(ReadinessReport report) {
        TextTable table = new TextTable("VERDICT", "TARGET (DR GUIDE)", "MEASURED", "GOAL");
        for (ReadinessRow row : report.rows()) table.row(row.verdict().word(), row.name(), row.figure(), row.target());
        StringBuilder text = new StringBuilder("Readiness at " + report.checkedAt() + (report.identity() == null ? "" : ", as " + report.identity()))
                .append(System.lineSeparator()).append(System.lineSeparator()).append(table);
        for (ReadinessRow row : report.rows()) {
            if (row.verdict() == Verdict.MET) continue;
            text.append(System.lineSeparator()).append(row.verdict() == Verdict.BREACHED ? "Breached: " : "Unknown: ").append(row.name())
                    .append(System.lineSeparator()).append("  ").append(row.verdict() == Verdict.BREACHED ? "Fix: " : "Why: ").append(row.detail());
        }
        text.append(System.lineSeparator()).append(report.count(Verdict.MET)).append(" met, ").append(report.count(Verdict.BREACHED))
                .append(" breached, ").append(report.count(Verdict.UNKNOWN)).append(" unknown").append(System.lineSeparator());
        return text.toString();
    }
}
