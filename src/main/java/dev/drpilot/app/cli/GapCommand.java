package dev.drpilot.app.cli;

import dev.drpilot.incident.GapEntry;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "gap",
        mixinStandardHelpOptions = true,
        description = {
            "Records a gap a test or an incident found, with its remediation, owner and due date, in the incident's log.",
            "The evidence pack (drpilot evidence) lists every gap, and those past their due date as overdue."
        })
public final class GapCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions log;

    @Parameters(index = "0", paramLabel = "INCIDENT")
    String incidentId;

    @Option(
            names = "--text",
            required = true,
            paramLabel = "TEXT",
            description = "The gap: what did not work, or was missing.")
    String text;

    @Option(names = "--owner", required = true, paramLabel = "NAME", description = "Who answers for the remediation.")
    String owner;

    @Option(names = "--due", required = true, paramLabel = "YYYY-MM-DD", description = "When the remediation is due.")
    String due;

    @Option(names = "--remediation", required = true, paramLabel = "TEXT", description = "What will be done about it.")
    String remediation;

    @Override
    public Integer call() {
        GapEntry gap = new GapEntry(text, owner, due, remediation);
        Optional<GapEntry.Refusal> refusal = gap.refusal();
        if (refusal.isPresent()) {
            spec.commandLine().getErr().println("not logged: " + refusal.get().sentence(GapCommand::option));
            return 2;
        }
        try (IncidentLogStore store = log.openExisting()) {
            if (LogOptions.find(store, incidentId, spec.commandLine().getErr()).isEmpty()) return 1;
            IncidentEvent event;
            try {
                event = store.append(incidentId, gap.event(), null);
            } catch (IllegalArgumentException refused) {
                spec.commandLine().getErr().println("not logged: " + refused.getMessage());
                return 1;
            }
            spec.commandLine().getOut().println("gap logged as event " + event.sequence() + " of " + incidentId);
        }
        return 0;
    }

    private static String option(GapEntry.Field field) {
        return "--" + field.name().toLowerCase(Locale.ROOT);
    }
}
