package dev.drpilot.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentLogStoreTest {

    @TempDir
    Path dir;

    /** The width of the events table's actor column. */
    private static final int ACTOR_COLUMN = 400;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC);

    private static NewIncident incident() {
        return new NewIncident(
                "druid-rds-corruption", "RDS metadata corruption", IncidentMode.LIVE, "SEV1", "alice", null);
    }

    @Test
    void theAwsIdentityOfOneIncidentIsNotStampedOnAnother() {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), clock, "alice")) {
            Incident first = log.declare(incident(), Map.of());
            Incident second = log.declare(incident(), Map.of());
            log.setActor(first.id(), "alice as arn:aws:sts::111122223333:assumed-role/dr/alice");

            IncidentEvent inFirst = log.append(first.id(), new EventData.Note("restore started"), null);
            IncidentEvent inSecond = log.append(second.id(), new EventData.Note("unrelated"), null);

            assertThat(inFirst.actor()).isEqualTo("alice as arn:aws:sts::111122223333:assumed-role/dr/alice");
            assertThat(inSecond.actor()).isEqualTo("alice");
        }
    }

    @Test
    void eventsAStepProducesTogetherAreWrittenAllInOrderOrNoneOfThem() {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), clock, "alice")) {
            String id = log.declare(
                            new NewIncident("druid-rds-corruption", "RDS", IncidentMode.LIVE, null, null, null),
                            Map.of())
                    .id();
            List<EventDraft> page = new ArrayList<>();
            for (int i = 0; i < 1_000; i++)
                page.add(EventDraft.of(new EventData.StatusChange("s3://bucket/key-" + i, "restored"), "restore"));

            List<IncidentEvent> written = log.appendAll(id, page);

            assertThat(written)
                    .extracting(IncidentEvent::sequence)
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(2, 1_001).boxed().toList());
            assertThat(log.events(id)).hasSize(1_001).endsWith(written.getLast());
            assertThat(log.verify(id).intact()).isTrue();
            assertThat(new LogHead(dir.resolve("log")).entries().get(id).sequence())
                    .isEqualTo(1_001);

            List<EventDraft> withATooLongNote = new ArrayList<>(page.subList(0, 10));
            withATooLongNote.add(EventDraft.of(new EventData.Note("x".repeat(EventData.Said.MAX_TEXT + 1)), null));
            assertThatThrownBy(() -> log.appendAll(id, withATooLongNote)).isInstanceOf(IllegalArgumentException.class);
            assertThat(log.events(id)).hasSize(1_001);
        }
    }

    @Test
    void eventsAreNumberedWithoutGapsAndChainedByHash() {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), clock, "alice")) {
            Incident incident = log.declare(incident(), Map.of());
            log.append(incident.id(), new EventData.Note("coordinator down"), null);
            log.append(incident.id(), new EventData.Decision("restore to 10:25"), null);

            List<IncidentEvent> events = log.events(incident.id());

            assertThat(events).extracting(IncidentEvent::sequence).containsExactly(1L, 2L, 3L);
            assertThat(events.get(0).previousHash()).isEqualTo(HashChain.GENESIS);
            assertThat(events.get(1).previousHash()).isEqualTo(events.get(0).hash());
            assertThat(events.get(0).actor()).isEqualTo("alice");
            assertThat(log.verify(incident.id()).intact()).isTrue();
            assertThat(log.events(incident.id(), 2))
                    .extracting(IncidentEvent::kind)
                    .containsExactly(EventKind.DECISION);
        }
    }

    @Test
    void anyChangeToAnExportedTimelineIsFound() {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), clock, "alice")) {
            Incident incident = log.declare(incident(), Map.of());
            for (int i = 0; i < 5; i++) log.append(incident.id(), new EventData.Note("note " + i), null);
            List<IncidentEvent> events = new ArrayList<>(log.events(incident.id()));

            IncidentEvent original = events.get(3);
            events.set(
                    3,
                    new IncidentEvent(
                            original.incidentId(),
                            original.sequence(),
                            original.time(),
                            original.kind(),
                            original.actor(),
                            original.stepId(),
                            "{\"text\":\"nothing happened\"}",
                            original.corrects(),
                            original.occurredAt(),
                            original.previousHash(),
                            original.hash()));
            HashChain.Verification edited = HashChain.verify(events);
            assertThat(edited.intact()).isFalse();
            assertThat(edited.firstBrokenSequence()).isEqualTo(4L);
            assertThat(edited.reason()).contains("changed after it was written");

            events.set(3, original);
            events.remove(2);
            assertThat(HashChain.verify(events).reason()).contains("event 3 is missing");
        }
    }

    @Test
    void aCorrectionAndALateNoteAreNewEventsThatPointBack() {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), clock, "alice")) {
            Incident incident = log.declare(incident(), Map.of());
            IncidentEvent wrong = log.append(incident.id(), new EventData.Note("failure began 10:20"), null);
            log.append(
                    incident.id(),
                    new EventDraft(new EventData.Correction("it began 10:15"), null, wrong.sequence(), null));
            Instant earlier = Instant.parse("2026-11-24T02:40:00Z");
            IncidentEvent late =
                    log.append(incident.id(), new EventDraft(new EventData.Note("pager fired"), null, null, earlier));

            List<IncidentEvent> events = log.events(incident.id());
            assertThat(events.get(1).payload()).contains("10:20");
            assertThat(events.get(2).corrects()).isEqualTo(wrong.sequence());
            assertThat(late.effectiveTime()).isEqualTo(earlier);
            assertThat(events.get(3).occurredAt()).isEqualTo(earlier);
            assertThat(log.verify(incident.id()).intact()).isTrue();
        }
    }

    @Test
    void secretsAreRedactedBeforeTheyAreWritten() throws Exception {
        String canary = "canary-" + System.nanoTime();
        String visible = "visible-" + System.nanoTime();
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), clock, "alice")) {
            Incident incident = log.declare(incident(), Map.of());
            log.redactor().addSecret(canary);
            log.append(incident.id(), new EventData.Note("db password is " + canary), null);
            log.append(
                    incident.id(),
                    new EventData.StepStarted(
                            null,
                            1,
                            Map.of(
                                    "secretString",
                                    "{\"password\":\"x9\"}",
                                    "merge",
                                    Map.of("host", visible, "password", "p4ssw0rd-" + canary.substring(7))),
                            null),
                    "update");
            assertThat(log.events(incident.id()).getLast().payload())
                    .contains(visible)
                    .doesNotContain("p4ssw0rd")
                    .contains("[redacted]");
        }
        String file =
                new String(Files.readAllBytes(dir.resolve("log.mv.db")), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(file).contains(visible).doesNotContain(canary).doesNotContain("p4ssw0rd");
    }

    @Test
    void aSecondProcessStyleConnectionSharesTheFileAndSeesCommittedEvents() {
        try (IncidentLogStore app = IncidentLogStore.open(dir.resolve("log"), clock, "app");
                IncidentLogStore commandLine = IncidentLogStore.open(dir.resolve("log"), clock, "cli")) {
            Incident incident = app.declare(incident(), Map.of());
            commandLine.append(incident.id(), new EventData.Note("from the command line"), null);
            app.append(incident.id(), new EventData.Note("from the app"), null);

            assertThat(app.events(incident.id()))
                    .extracting(IncidentEvent::actor)
                    .containsExactly("app", "cli", "app");
            assertThat(app.verify(incident.id()).intact()).isTrue();
        }
    }

    @Test
    void aLogThatCannotBeOpenedSaysWhichFileAndWhatToDo() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("settings.txt"), "a file where the log's folder should be");

        assertThatThrownBy(() -> IncidentLogStore.open(notAFolder.resolve("log"), clock, "alice"))
                .isInstanceOf(IncidentLogUnavailableException.class)
                .hasMessageContaining(notAFolder.resolve("log") + ".mv.db")
                .hasMessageContaining(
                        "its folder " + notAFolder + " cannot be made (a file of that name is in the way)")
                .hasMessageContaining("--log PATH");
    }

    @Test
    void incidentsListOpenOnesFirstAndKeepTheirFailureStart() {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), clock, "alice")) {
            Incident closed = log.declare(incident(), Map.of());
            log.life().close(closed.id(), "recovered");
            Incident open = log.declare(incident(), Map.of());
            log.life()
                    .setFailureStart(
                            open.id(), Instant.parse("2026-11-24T02:30:00Z"), "first error in the coordinator log");

            List<Incident> incidents = log.incidents();

            assertThat(incidents).extracting(Incident::id).containsExactly(open.id(), closed.id());
            assertThat(incidents.get(0).startedAt()).isEqualTo(Instant.parse("2026-11-24T02:30:00Z"));
            assertThat(incidents.get(1).open()).isFalse();
        }
    }

    @Test
    void anInterruptedWriterNeitherBreaksTheLogNorLosesItsEvent() throws Exception {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), clock, "alice")) {
            Incident incident = log.declare(incident(), Map.of());
            Thread.currentThread().interrupt(); // what cancelling a step does to the thread that is logging
            try {
                log.append(incident.id(), new EventData.StepCancelled("operator cancelled", null), "restore");
                assertThat(Thread.currentThread().isInterrupted())
                        .as("the interrupt is kept for the caller")
                        .isTrue();
            } finally {
                Thread.interrupted();
            }
            log.append(incident.id(), new EventData.Note("still writing"), null);

            assertThat(log.events(incident.id()))
                    .extracting(IncidentEvent::kind)
                    .containsExactly(EventKind.INCIDENT_DECLARED, EventKind.STEP_CANCELLED, EventKind.NOTE);
        }
        try (IncidentLogStore reopened = IncidentLogStore.open(dir.resolve("log"), clock, "bob")) {
            assertThat(reopened.events(reopened.incidents().get(0).id())).hasSize(3);
        }
    }

    @Test
    void anIncidentAndItsFirstEventCommitTogetherOrNotAtAll() {
        // the first event's actor does not fit its column: its insert fails
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), clock, "a".repeat(ACTOR_COLUMN + 1))) {
            assertThatThrownBy(() -> log.declare(incident(), Map.of()))
                    .isInstanceOf(IncidentLogUnavailableException.class)
                    .hasMessageStartingWith("Not written to the incident log: the declaration of INC-")
                    .hasMessageContaining("The database refused it (Value too long for column");
            assertThat(log.incidents())
                    .as("the incident's row went with its event")
                    .isEmpty();
        }
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), clock, "alice")) {
            Incident declared = log.declare(incident(), Map.of());
            assertThat(log.incidents()).extracting(Incident::id).containsExactly(declared.id());
            assertThat(log.events(declared.id()))
                    .extracting(IncidentEvent::kind)
                    .containsExactly(EventKind.INCIDENT_DECLARED);
        }
    }
}
