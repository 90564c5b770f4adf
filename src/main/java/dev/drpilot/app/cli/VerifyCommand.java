package dev.drpilot.app.cli;

import dev.drpilot.incident.HashChain;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks an incident's hash chain: in the log, or in an exported JSON timeline (--file).",
                "Exit status 0 when intact, 1 when an event was changed, removed or reordered,",
                "2 when there is nothing to check (no such incident, or a file that is not a timeline)."})
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions log = new LogOptions();

    @Parameters(paramLabel = "INCIDENT", arity = "0..1")
    String incidentId;

    @Option(names = "--file", paramLabel = "JSON", description = "An exported JSON timeline to check instead of the log.")
    Path file;

    @Override
    public Integer call() {
        List<IncidentEvent> events;
        String what;
        if (file != null) {
            try {
                events = ExportedTimeline.read(file);
            } catch (ExportedTimeline.Unreadable e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            }
            what = file.toString();
        } else if (incidentId != null) {
            try (IncidentLogStore store = log.open()) {
                events = store.events(incidentId);
            }
            if (events.isEmpty()) {
                spec.commandLine().getErr().println("no incident '" + incidentId + "' in the log; `drpilot incidents` lists them");
                return 2;
            }
            what = incidentId;
        } else {
            spec.commandLine().getErr().println("name an INCIDENT, or an exported timeline with --file");
            return 2;
        }
        HashChain.Verification result = HashChain.verify(events);
        if (result.intact()) {
            spec.commandLine().getOut().println(what + ": intact, " + result.checked() + " events");
            return 0;
        }
        spec.commandLine().getErr().println(what + ": TAMPERED: " + result.reason());
        return 1;
    }
}
