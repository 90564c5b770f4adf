package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import dev.drpilot.timeline.Postmortem;
import dev.drpilot.timeline.PostmortemWriter;
import dev.drpilot.timeline.TimelinePicture;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes an incident's post-mortem: Markdown, HTML, JSON (every event, verifiable) or CSV.")
public final class ExportCommand implements Callable<Integer> {

    private final DrPilotServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions log;

    @Mixin
    RunbookOptions runbooks;

    @Parameters(paramLabel = "INCIDENT")
    String incidentId;

    @Option(names = "--format", required = true, paramLabel = "md|html|json|csv|png", description = "png: the timeline as a picture")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: INCIDENT.FORMAT in the exports folder beside the log).")
    Path out;

    @Option(names = "--force", description = "Replace the file if it exists.")
    boolean force;

    public ExportCommand(DrPilotServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PostmortemWriter writer = null;
        if (!format.equals("png")) {
            try {
                writer = PostmortemWriter.forFormat(format);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage() + ", or png");
                return 2;
            }
        }
        try (IncidentLogStore store = log.openExisting()) {
            Optional<Incident> incident = LogOptions.find(store, incidentId, spec.commandLine().getErr());
            if (incident.isEmpty()) return 1;
            Path target = ExportFiles.target(out, store, incidentId + "." + format, force, spec.commandLine().getErr()).orElse(null);
            if (target == null) return 1;
            Optional<Runbook> runbook = runbook(incident.get().runbookId());
            Postmortem postmortem = Postmortem.of(incident.get(), runbook, store.events(incidentId));
            try {
                write(postmortem, runbook, writer, target);
            } catch (IOException e) {
                spec.commandLine().getErr().println(ExportFiles.cannotWrite(target, e));
                return 1;
            }
            store.append(incidentId, new EventData.Export(format, target.toString()), null);
            spec.commandLine().getOut().println("wrote " + target);
        }
        return 0;
    }

    /** Writes the post-mortem with {@code writer}, or the timeline picture when there is none. */
    private static void write(Postmortem postmortem, Optional<Runbook> runbook, PostmortemWriter writer, Path target) throws IOException {
        if (writer == null) {
            try (OutputStream file = Files.newOutputStream(target)) {
                TimelinePicture.write(postmortem, runbook, file);
            }
        } else {
            try (Writer file = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                writer.write(postmortem, file);
            }
        }
    }

    /** The incident's runbook, for step titles and targets; the export works without it. */
    private Optional<Runbook> runbook(String id) {
        if (!Files.isDirectory(runbooks.folder)) return Optional.empty();
        RunbookLoader.Result result = new RunbookLoader(services.catalog()).load(List.of(runbooks.folder));
        return result.runbooks().stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
