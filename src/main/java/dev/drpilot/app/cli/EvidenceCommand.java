package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.export.ExportFormat;
import dev.drpilot.export.Exported;
import dev.drpilot.export.IncidentExports;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import dev.drpilot.timeline.EvidencePack;
import dev.drpilot.timeline.Postmortem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "evidence",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the evidence pack of a DR test (a tabletop, a drill or a real incident): HTML and JSON.",
            "The HTML is to read and print; the JSON is what `drpilot verify --file` checks. docs/evidence.md maps its fields to SOC 2, ISO 22301 and DORA."
        })
public final class EvidenceCommand implements Callable<Integer> {

    private final DrPilotServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions log;

    @Mixin
    RunbookOptions runbooks;

    @Parameters(paramLabel = "INCIDENT")
    String incidentId;

    @Option(names = "--format", paramLabel = "html|json", description = "Only this format (default: both).")
    String format;

    @Option(
            names = "--to",
            paramLabel = "FOLDER",
            description =
                    "Where to write INCIDENT-evidence.html and .json (default: the exports folder beside the log).")
    Path folder;

    @Option(names = "--force", description = "Replace the files if they exist.")
    boolean force;

    @Option(
            names = "--readiness",
            paramLabel = "FILE",
            description =
                    "Attach a saved `drpilot readiness --json` report to the incident's log (with its file's SHA-256) before writing.")
    Path readiness;

    public EvidenceCommand(DrPilotServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        List<ExportFormat> formats = new ArrayList<>();
        for (String f : format == null ? List.of("html", "json") : List.of(format)) {
            Optional<ExportFormat> known = ExportFormat.evidence(f);
            if (known.isEmpty()) {
                spec.commandLine().getErr().println("unknown format '" + f + "': use html or json");
                return 2;
            }
            formats.add(known.get());
        }
        Optional<EventData.ReadinessAttached> report = Optional.empty();
        if (readiness != null) {
            try {
                report = Optional.of(ReadinessFile.read(readiness));
            } catch (ReadinessFile.Refused refused) {
                spec.commandLine().getErr().println(refused.getMessage());
                return 1;
            }
        }
        try (IncidentLogStore store = log.openExisting()) {
            Optional<Incident> incident =
                    LogOptions.find(store, incidentId, spec.commandLine().getErr());
            if (incident.isEmpty()) return 1;
            IncidentExports exports = IncidentExports.logged(store);
            Path to = folder == null ? exports.folderBesideLog() : folder;
            for (ExportFormat f : formats) {
                Optional<Exported.Refused> taken =
                        IncidentExports.refusedOver(to.resolve(f.fileName(incidentId)), force);
                if (taken.isPresent()) {
                    spec.commandLine().getErr().println(taken.get().reason());
                    return 1;
                }
            }
            report.ifPresent(attached -> store.append(incidentId, attached, null));
            Optional<Runbook> runbook = runbook(incident.get().runbookId());
            for (Exported exported : exports.toFolder(incidentId, runbook, formats, to, force)) {
                switch (exported) {
                    case Exported.Written written -> spec.commandLine().getOut().println("wrote " + written.file());
                    case Exported.Refused refused -> {
                        spec.commandLine().getErr().println(refused.reason());
                        return 1;
                    }
                }
            }
            EvidencePack pack = EvidencePack.of(
                    Postmortem.fromLog(store, store.incident(incidentId).orElseThrow(), runbook),
                    runbook,
                    Instant.now());
            if (!pack.overdueGaps().isEmpty()) {
                spec.commandLine()
                        .getOut()
                        .println(pack.overdueGaps().size() + " of "
                                + pack.gaps().size() + " gaps are past their due date");
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot read the incident's log: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** The incident's runbook, for its targets, steps and version; the pack is written without it. */
    private Optional<Runbook> runbook(String id) {
        if (!Files.isDirectory(runbooks.folder)) return Optional.empty();
        RunbookLoader.Result result = new RunbookLoader(services.catalog()).load(List.of(runbooks.folder));
        return result.runbooks().stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
