package dev.drpilot.app.cli;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

    /** An owner is a name or a team, not a paragraph. */
    static final int MAX_OWNER = 200;

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
        Optional<String> refusal = refusal();
        if (refusal.isPresent()) {
            spec.commandLine().getErr().println("not logged: " + refusal.get());
            return 2;
        }
        try (IncidentLogStore store = log.openExisting()) {
            if (LogOptions.find(store, incidentId, spec.commandLine().getErr()).isEmpty()) return 1;
            IncidentEvent event;
            try {
                event = store.append(
                        incidentId,
                        new EventData.GapRecorded(
                                text.strip(), owner.strip(), LocalDate.parse(due), remediation.strip()),
                        null);
            } catch (IllegalArgumentException refused) {
                spec.commandLine().getErr().println("not logged: " + refused.getMessage());
                return 1;
            }
            spec.commandLine().getOut().println("gap logged as event " + event.sequence() + " of " + incidentId);
        }
        return 0;
    }

    private Optional<String> refusal() {
        return blank("--text", text)
                .or(() -> blank("--owner", owner))
                .or(() -> blank("--remediation", remediation))
                .or(this::tooLongOrNoDay);
    }

    private Optional<String> tooLongOrNoDay() {
        if (owner.strip().length() > MAX_OWNER) {
            return Optional.of("--owner holds at most " + MAX_OWNER + " characters: name a person or a team");
        }
        if (remediation.length() > EventData.Said.MAX_TEXT) {
            return Optional.of("--remediation holds at most " + EventData.Said.MAX_TEXT + " characters (this one has "
                    + remediation.length() + "): save the rest in a file and name the file");
        }
        try {
            LocalDate.parse(due);
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of("--due '" + due + "' is not a day: give it as YYYY-MM-DD, for example 2026-12-31");
        }
    }

    private static Optional<String> blank(String option, String value) {
        return value.isBlank() ? Optional.of(option + " is empty: say it in words") : Optional.empty();
    }
}
