package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import dev.drpilot.timeline.EvidencePack;
import dev.drpilot.timeline.EvidenceWriter;
import dev.drpilot.timeline.Postmortem;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = {"Writes the evidence pack of a DR test (a tabletop, a drill or a real incident): HTML to read and print, and JSON",
                "that `drpilot verify --file` checks. docs/evidence.md maps its fields to SOC 2, ISO 22301 and DORA."})
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

    @Option(names = "--to", paramLabel = "FOLDER", description = "Where to write INCIDENT-evidence.html and .json (default: the exports folder beside the log).")
    Path folder;

    @Option(names = "--force", description = "Replace the files if they exist.")
    boolean force;

    @Option(names = "--readiness", paramLabel = "FILE",
            description = "Attach a saved `drpilot readiness --json` report to the incident's log (with its file's SHA-256) before writing.")
    Path readiness;

    public EvidenceCommand(DrPilotServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        List<EvidenceWriter> writers = new ArrayList<>();
        try {
            for (String f : format == null ? List.of("html", "json") : List.of(format)) writers.add(EvidenceWriter.forFormat(f));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
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
            Optional<Incident> incident = LogOptions.find(store, incidentId, spec.commandLine().getErr());
            if (incident.isEmpty()) return 1;
            Map<EvidenceWriter, Path> targets = new LinkedHashMap<>();
            for (EvidenceWriter writer : writers) {
                String name = incidentId + "-evidence." + writer.extension();
                Optional<Path> target = ExportFiles.target(folder == null ? null : folder.resolve(name), store, name, force, spec.commandLine().getErr());
                if (target.isEmpty()) return 1;
                targets.put(writer, target.get());
            }
            report.ifPresent(attached -> store.append(incidentId, attached, null));
            Optional<Runbook> runbook = runbook(incident.get().runbookId());
            Incident now = store.incident(incidentId).orElseThrow();
            EvidencePack pack = EvidencePack.of(Postmortem.of(now, runbook, store.events(incidentId)), runbook, Instant.now());
            for (Map.Entry<EvidenceWriter, Path> target : targets.entrySet()) {
                try (Writer file = Files.newBufferedWriter(target.getValue(), StandardCharsets.UTF_8)) {
                    target.getKey().write(pack, file);
                } catch (IOException e) {
                    spec.commandLine().getErr().println(ExportFiles.cannotWrite(target.getValue(), e));
                    return 1;
                }
            }
            for (Map.Entry<EvidenceWriter, Path> target : targets.entrySet()) {
                store.append(incidentId, new EventData.Export("evidence-" + target.getKey().extension(), target.getValue().toString()), null);
                spec.commandLine().getOut().println("wrote " + target.getValue());
            }
            if (!pack.overdueGaps().isEmpty()) {
                spec.commandLine().getOut().println(pack.overdueGaps().size() + " of " + pack.gaps().size() + " gaps are past their due date");
            }
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
