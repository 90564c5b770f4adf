package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpilot.app.Main;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventDraft;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.HashChain;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exported JSON timeline is sealed: `drpilot verify --file`, run as an operator runs it, takes
 * the untouched export and names, in one sentence and with exit status 1, every event removed,
 * added, reordered or changed, a seal missing or changed, and a file that is not a timeline.
 */
class SealedTimelineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path exported;
    private static String incidentId;
    private static List<IncidentEvent> logged;

    private record Run(int status, String out, String err) {}

    @BeforeAll
    static void exportARealIncident() throws Exception {
        Path log = dir.resolve("log");
        try (IncidentLogStore store = IncidentLogStore.open(log, Clock.systemUTC(), "alice")) {
            incidentId = store.declare(
                            new NewIncident(
                                    "druid-pod-failure", "Druid pod failure", IncidentMode.LIVE, "SEV2", "alice", null),
                            Map.of("pod", "druid-historical-2"))
                    .id();
            store.append(
                    incidentId, new EventData.Note("pager: \"druid-historical-2\" restarts\tagain, café \u0001"), null);
            store.append(incidentId, new EventData.Decision("delete the pod"), null);
            store.append(
                    incidentId,
                    new EventData.StepStarted(
                            "k8s.deletePod", 1, null, "kubectl delete pod druid-historical-2 -n druid"),
                    "delete-pod");
            store.append(incidentId, new EventData.ApiCall("k8s", "deletePod", null), "delete-pod");
            store.append(
                    incidentId,
                    new EventData.StepSucceeded(
                            "deleted", null, Map.of("pod", "druid-historical-2", "replaced", true), 1200L),
                    "delete-pod");
            store.append(incidentId, new EventData.StatusChange("pod/druid-historical-2", "Running"), null);
            store.append(
                    incidentId,
                    new EventDraft(new EventData.Correction("delete the pod, not its StatefulSet"), null, 3L, null));
            store.append(
                    incidentId,
                    new EventDraft(
                            new EventData.Note("first error in the coordinator log"),
                            null,
                            null,
                            Instant.now().minus(Duration.ofMinutes(20))));
            store.append(incidentId, new EventData.ChecklistTick("status page updated"), null);
            store.life().recovered(incidentId, new EventData.Recovered("operator", null));
            store.append(incidentId, new EventData.Note("users confirm that queries work"), null);
            store.append(incidentId, new EventData.Decision("watch it for an hour"), null);
        }
        exported = dir.resolve("timeline.json");

        Run export = drpilot(
                "export", incidentId, "--log", log.toString(), "--format", "json", "--out", exported.toString());

        assertThat(export.status()).as(export.err()).isZero();
        try (IncidentLogStore store = IncidentLogStore.open(log, Clock.systemUTC(), "alice")) {
            logged = store.events(incidentId);
        }
        assertThat(logged).hasSize(14).last().extracting(IncidentEvent::kind).isEqualTo(EventKind.EXPORT);
    }

    @Test
    void theUntouchedExportIsIntactAndNamesTheHeadThatTheLogsExportEventFollows() throws Exception {
        Run run = verify(exported);

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().strip())
                .isEqualTo(exported + ": intact, 13 events of " + incidentId + ", sealed with head hash "
                        + logged.get(12).hash());
        assertThat(logged.get(13).previousHash())
                .as("the log's EXPORT event follows the exported head")
                .isEqualTo(logged.get(12).hash());
        JsonNode root = JSON.readTree(exported.toFile());
        assertThat(root.path("eventCount").asInt()).isEqualTo(13);
        assertThat(root.path("headHash").asText()).isEqualTo(logged.get(12).hash());
        assertThat(root.path("seal").path("eventCount").asInt()).isEqualTo(13);
        assertThat(root.path("seal").path("firstHash").asText())
                .isEqualTo(logged.getFirst().hash());
        assertThat(root.path("seal").path("headHash").asText())
                .isEqualTo(logged.get(12).hash());
    }

    @Test
    void reindentingTheFileChangesNothingThatCounts() throws Exception {
        Path compact = dir.resolve("compact.json");
        Files.writeString(compact, JSON.readTree(exported.toFile()).toString());
        Path pretty = dir.resolve("pretty.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(pretty.toFile(), JSON.readTree(exported.toFile()));

        assertThat(verify(compact).status()).isZero();
        assertThat(verify(pretty).status()).isZero();
    }

    @Test
    void removingTheLastEventIsFoundThroughTheSeal() throws Exception {
        Path file = tampered("no-last", root -> events(root).remove(12));

        refused(file, "the timeline ends at event 12 but its seal says 13 events: event 13 was removed");
    }

    @Test
    void removingTheFirstEventIsFound() throws Exception {
        Path file = tampered("no-first", root -> events(root).remove(0));

        refused(file, "the timeline starts at event 2: event 1 was removed");
    }

    @Test
    void anEventAddedAtTheEndWithAHashThatFitsIsFoundThroughTheSeal() throws Exception {
        IncidentEvent head = logged.get(12);
        IncidentEvent forged = new IncidentEvent(
                incidentId,
                14,
                head.time().plusSeconds(60),
                EventKind.NOTE,
                "alice",
                null,
                "{\"text\":\"all went to plan\"}",
                null,
                null,
                head.hash(),
                null);
        String hash = HashChain.hashOf(forged);
        Path file = tampered("added-at-end", root -> {
            ObjectNode event = events(root).addObject();
            event.put("sequence", 14)
                    .put("time", forged.time().toString())
                    .put("kind", "NOTE")
                    .put("actor", "alice")
                    .putNull("step");
            event.putObject("payload").put("text", "all went to plan");
            event.putNull("corrects")
                    .putNull("occurredAt")
                    .put("previousHash", head.hash())
                    .put("hash", hash);
        });

        refused(
                file,
                "the timeline holds 14 events but its seal ends at event 13: event 14 was added after it was sealed");
    }

    @Test
    void aCopyOfAnEventAddedInTheMiddleIsFound() throws Exception {
        Path file = tampered(
                "copied", root -> events(root).insert(5, events(root).get(4).deepCopy()));

        refused(file, "event 5 appears again after event 5: an event was added");
    }

    @Test
    void twoEventsSwappedAreFound() throws Exception {
        Path file = tampered("swapped", root -> {
            JsonNode sixth = events(root).get(5);
            events(root).set(5, events(root).get(6));
            events(root).set(6, sixth);
        });

        refused(file, "event 7 comes before event 6: the events were reordered");
    }

    @Test
    void aFieldChangedInOneEventIsFound() throws Exception {
        Path file = tampered(
                "changed", root -> ((ObjectNode) events(root).get(11).path("payload")).put("text", "users are happy"));

        refused(file, "event 12 of 13 was changed: its hash does not match its fields");
    }

    @Test
    void anEventChangedAndGivenAFittingHashIsFoundByTheEventAfterIt() throws Exception {
        IncidentEvent twelfth = logged.get(11);
        IncidentEvent rewritten = new IncidentEvent(
                incidentId,
                12,
                twelfth.time(),
                EventKind.NOTE,
                twelfth.actor(),
                null,
                "{\"text\":\"users are happy\"}",
                null,
                null,
                twelfth.previousHash(),
                null);
        Path file = tampered("rehashed", root -> {
            ObjectNode event = (ObjectNode) events(root).get(11);
            ((ObjectNode) event.path("payload")).put("text", "users are happy");
            event.put("hash", HashChain.hashOf(rewritten));
        });

        refused(file, "event 13 of 13 is not chained to event 12: one of them was replaced");
    }

    @Test
    void aTimelineWithoutItsSealIsRefused() throws Exception {
        Path file = tampered("unsealed", root -> root.remove("seal"));

        refused(
                file,
                "it has no seal, so nothing shows that its newest events are all there: its end was cut or rewritten");
    }

    @Test
    void aSealWhoseCountWasChangedIsFound() throws Exception {
        Path file = tampered("recounted", root -> ((ObjectNode) root.path("seal")).put("eventCount", 12));

        refused(file, "its seal says 12 events but names event 13, the newest, as its head: the seal was changed");
    }

    @Test
    void noEventsUnderASealOfNoneIsRefused() throws Exception {
        Path file = tampered("emptied", root -> {
            events(root).removeAll();
            root.put("eventCount", 0);
            ((ObjectNode) root.path("seal")).put("eventCount", 0);
        });

        refused(file, "it holds no events, though every incident begins with its declaration: its events were removed");
    }

    @Test
    void theIncidentsDetailsChangedAreFound() throws Exception {
        Path file = tampered("recommanded", root -> ((ObjectNode) root.path("incident")).put("commander", "mallory"));

        refused(
                file,
                "the incident's details at its top were changed after it was sealed: their digest is not the seal's");
    }

    @Test
    void aFileThatIsNotATimelineIsSaidToBeNone() throws Exception {
        Path array = dir.resolve("array.json");
        Files.writeString(array, "[1, 2, 3]\n");
        Path noEvents = dir.resolve("no-events.json");
        Files.writeString(noEvents, "{\"schemaVersion\": 2, \"incident\": {\"id\": \"" + incidentId + "\"}}\n");
        Path badKind = tampered("bad-kind", root -> ((ObjectNode) events(root).get(2)).put("kind", "COFFEE_BREAK"));
        Path badTime = tampered("bad-time", root -> ((ObjectNode) events(root).get(2)).put("time", "yesterday"));

        answers(
                array,
                array
                        + " is not a DR Pilot timeline: it holds a JSON array where a timeline is an object with its incident,"
                        + " events and seal");
        answers(noEvents, noEvents + " is not a DR Pilot timeline: it has no events list");
        answers(
                badKind,
                badKind
                        + " is not a DR Pilot timeline: event 3 of 13 is of kind 'COFFEE_BREAK', which DR Pilot does not write");
        answers(
                badTime,
                badTime
                        + " is not a DR Pilot timeline: event 3 of 13 has a time 'yesterday' that is not a UTC instant");
    }

    @Test
    void aTruncatedFileAndAMissingFileAreSaidToBeSo() throws Exception {
        Path truncated = dir.resolve("truncated.json");
        byte[] whole = Files.readAllBytes(exported);
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        Path missing = dir.resolve("nowhere.json");

        Run cut = verify(truncated);
        assertThat(cut.status()).isEqualTo(1);
        assertThat(cut.err())
                .startsWith(truncated + " is not a DR Pilot timeline: its JSON breaks off at line ")
                .endsWith(" (the file was cut short)" + System.lineSeparator());
        answers(missing, "cannot read " + missing + ": no such file or folder");
    }

    @Test
    void aTimelineExportedBeforeSealsSaysToExportItAgain() throws Exception {
        Path file = tampered("version-1", root -> {
            root.put("schemaVersion", 1);
            root.remove(List.of("eventCount", "headHash", "seal"));
        });

        answers(
                file,
                file
                        + " was exported before timelines were sealed (schema version 1), so it cannot show that no event is missing:"
                        + " export the incident again");
    }

    private static void refused(Path file, String problem) throws Exception {
        answers(file, file + ": TAMPERED: " + problem);
    }

    /** Exit status 1, nothing on standard output, and exactly this one line on standard error. */
    private static void answers(Path file, String sentence) throws Exception {
        Run run = verify(file);
        assertThat(run.status()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(sentence + System.lineSeparator());
    }

    private static Path tampered(String name, Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(exported.toFile());
        change.accept(root);
        Path file = dir.resolve(name + ".json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        return file;
    }

    private static ArrayNode events(ObjectNode root) {
        return (ArrayNode) root.path("events");
    }

    private static Run verify(Path file) throws Exception {
        return drpilot("verify", "--file", file.toString());
    }

    private static Run drpilot(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process child = builder.start();
        child.getOutputStream().close();
        assertThat(child.waitFor(60, TimeUnit.SECONDS))
                .as("drpilot " + String.join(" ", args) + " ends")
                .isTrue();
        return new Run(
                child.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
