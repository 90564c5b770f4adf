package dev.drpilot.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.HashChain;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
                "Exit status 0 when intact, 1 when an event was changed, removed or reordered."})
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
    public Integer call() throws IOException {
        HashChain.Verification result;
        String what;
        if (file != null) {
            result = HashChain.verify(fromExport(file));
            what = file.toString();
        } else if (incidentId != null) {
            try (IncidentLogStore store = log.open()) {
                if (store.events(incidentId).isEmpty() && store.damage().flatMap(d -> d.lossOf(incidentId)).isEmpty()) {
                    spec.commandLine().getErr().println("no incident '" + incidentId + "' in the log; `drpilot incidents` lists them");
                    return 1;
                }
                result = store.verify(incidentId);
            }
            what = incidentId;
        } else {
            spec.commandLine().getErr().println("name an INCIDENT, or an exported timeline with --file");
            return 2;
        }
        if (result.intact()) {
            spec.commandLine().getOut().println(what + ": intact, " + result.checked() + " events");
            return 0;
        }
        spec.commandLine().getErr().println(what + ": TAMPERED: " + result.reason());
        return 1;
    }

    private static List<IncidentEvent> fromExport(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        String incident = root.path("incident").path("id").asText();
        ObjectMapper json = new ObjectMapper();
        List<IncidentEvent> events = new ArrayList<>();
        for (JsonNode e : root.path("events")) {
            events.add(new IncidentEvent(incident, e.path("sequence").asLong(), Instant.parse(e.path("time").asText()),
                    EventKind.valueOf(e.path("kind").asText()), text(e, "actor"), text(e, "step"),
                    json.writeValueAsString(e.path("payload")), e.path("corrects").isNull() ? null : e.path("corrects").asLong(),
                    e.path("occurredAt").isNull() ? null : Instant.parse(e.path("occurredAt").asText()),
                    e.path("previousHash").asText(), e.path("hash").asText()));
        }
        return events;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isNull() || node.path(field).isMissingNode() ? null : node.path(field).asText();
    }
}
