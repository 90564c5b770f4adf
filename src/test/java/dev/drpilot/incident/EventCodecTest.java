package dev.drpilot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventCodecTest {

    private static final Instant FAILURE = Instant.parse("2026-11-24T02:40:00Z");

    /** One record of every kind, each field given. */
    private static final List<EventData> EVERY_KIND = List.of(
            new EventData.Declared(
                    Map.of("restoreTime", "2026-11-24T02:35:00Z"),
                    "druid-rds-tabletop",
                    "druid-rds-corruption",
                    "RDS metadata corruption",
                    "LIVE",
                    "SEV1",
                    "alice",
                    FAILURE,
                    new EventData.RunbookFile(
                            "druid-rds-corruption.yaml", "a".repeat(64), "id: druid-rds-corruption\n")),
            new EventData.RunbookChanged(
                    new EventData.RunbookFile(
                            "druid-rds-corruption.yaml", "b".repeat(64), "id: druid-rds-corruption\n#\n"),
                    "a".repeat(64)),
            new EventData.StartSetBack(FAILURE, "first error in the coordinator log"),
            new EventData.Resumed(12),
            new EventData.Recovered("alice", "health checks green since 10:42"),
            new EventData.Closed("restored to 02:35; 5 minutes of metadata lost"),
            new EventData.Reopened("the coordinator failed again"),
            new EventData.TakenOver("bob's DR Pilot (window)", "alice's DR Pilot (command line)", FAILURE, true, 95L),
            new EventData.ResponderJoined("carol", "laptop-3", "scribe"),
            new EventData.ResponderLeft("carol", "laptop-3"),
            new EventData.CommandHandedOver("alice", "bob"),
            new EventData.PhaseEntered("recovery"),
            new EventData.StepAdded("added-1", "restore", "Tell the analysts", "Post in #analytics"),
            new EventData.StepStarted(
                    "aws.rds.restoreToPointInTime",
                    2,
                    Map.of("source", "druid-metadata"),
                    "aws rds restore-db-instance-to-point-in-time"),
            new EventData.StepWaiting("druid-metadata-restored to be available"),
            new EventData.StepSucceeded(
                    "restored", "status available", Map.of("endpoint", "db.local", "port", 5432), 1_200_000L),
            new EventData.StepFailed("not available", "the action is not in this build", Map.of("found", "creating")),
            new EventData.StepRetried(3, "throttled", 4000L),
            new EventData.StepSkipped("secret updated by hand"),
            new EventData.StepCancelled("confirmation declined", "Cancelled by the operator"),
            new EventData.StepInterrupted("Was running when DR Pilot stopped"),
            new EventData.StepHeldElsewhere("alice", "3f2a9c1e-laptop", FAILURE, null),
            new EventData.StepHeldElsewhere("bob", "77aa-laptop", null, FAILURE),
            new EventData.StepLeaseUnknown("The team log at db:5432/drpilot cannot be reached"),
            new EventData.ConfirmationRequested("restart druid"),
            new EventData.ConfirmationGiven("restart druid"),
            new EventData.ApprovalRequested(
                    "5f1c", "alice", "aws route53 change-resource-record-sets", "api.example.com", "123456789012"),
            new EventData.ApprovalGiven("5f1c", "bob", "the DR region is healthy"),
            new EventData.ApprovalRefused("5f1c", "bob", "wait for the primary to come back"),
            new EventData.ApprovalOverridden("5f1c", "alice", "nobody else reachable"),
            new EventData.ApiCall("rds", "RestoreDBInstanceToPointInTime", "req-1"),
            new EventData.StatusChange("rds/druid-metadata-restored", "available"),
            new EventData.ClockBreach("RTO", "recovery not complete < 60 min after the start"),
            new EventData.Note("pager fired"),
            new EventData.Decision("restore to 02:35"),
            new EventData.Inject("druid-rds-tabletop", "T+12 min", "script", "the instance is still creating"),
            new EventData.ChecklistTick("status page updated"),
            new EventData.CallerIdentity("123456789012", "arn:aws:iam::123456789012:user/alice"),
            new EventData.Correction("it began 10:15"),
            new EventData.Export("md", "/tmp/INC.md"),
            new EventData.GapRecorded(
                    "nobody knew where the logs are",
                    "bob",
                    java.time.LocalDate.parse("2027-01-31"),
                    "link them from step 1"),
            new EventData.ReadinessAttached(
                    "readiness.json",
                    "ab".repeat(32),
                    Map.of(
                            "checkedAt",
                            "2026-11-23T09:00:00Z",
                            "exitCode",
                            1,
                            "rows",
                            List.of(Map.of(
                                    "name",
                                    "RDS Automated backups: 30 days",
                                    "verdict",
                                    "breached",
                                    "fix",
                                    "set retention to 30 days")))),
            new EventData.EventsLost(
                    "INC-1 lost events 13 to 14",
                    List.of(new EventData.EventsLost.Loss(13, 14, false)),
                    14,
                    "/tmp/log.mv.db"));

    @TempDir
    Path dir;

    @Test
    void everyKindHasOneRecordThatIsWrittenAndReadBackEqual() {
        Set<EventKind> covered = EVERY_KIND.stream().map(EventData::kind).collect(Collectors.toSet());
        assertThat(covered).isEqualTo(EnumSet.allOf(EventKind.class));
        for (EventData data : EVERY_KIND) {
            assertThat(EventCodec.read(data.kind(), EventCodec.write(data)))
                    .as(data.kind().name())
                    .isEqualTo(data);
        }
    }

    @Test
    void fieldsAnEventDoesNotCarryAreLeftOutAndReadBackAsAbsent() {
        assertThat(EventCodec.write(new EventData.ApiCall("rds", "DescribeDBInstances", null)))
                .isEqualTo("{\"service\":\"rds\",\"operation\":\"DescribeDBInstances\"}");
        assertThat(EventCodec.read(EventKind.STEP_SUCCEEDED, "{\"summary\":\"done\"}"))
                .isEqualTo(new EventData.StepSucceeded("done", null, null, null));
        assertThat(EventCodec.read(
                        EventKind.INCIDENT_DECLARED, "{\"runbook\":\"r\",\"title\":\"t\",\"mode\":\"LIVE\"}"))
                .isEqualTo(new EventData.Declared(null, null, "r", "t", "LIVE", null, null, null));
    }

    /** Payloads as DR Pilot wrote them before the codec, byte for byte: each reads into its record, and writes back the same bytes. */
    @Test
    void payloadsWrittenBeforeTheCodecReadIntoTheirRecordsAndWriteBackTheSameBytes() {
        Map<String, EventData> stored = new java.util.LinkedHashMap<>();
        stored.put(
                "{\"params\":{\"restoreTime\":\"2026-11-24T02:35:00Z\",\"dbPassword\":\"[redacted]\"},\"runbook\":\"druid-rds-corruption\","
                        + "\"title\":\"RDS\",\"mode\":\"LIVE\",\"severity\":\"SEV1\",\"commander\":\"alice\",\"failureStartedAt\":\"2026-11-24T02:40:00Z\"}",
                new EventData.Declared(
                        orderedParams(), null, "druid-rds-corruption", "RDS", "LIVE", "SEV1", "alice", FAILURE));
        stored.put("{\"action\":\"manual\",\"attempt\":1}", new EventData.StepStarted("manual", 1, null, null));
        stored.put(
                "{\"summary\":\"Ticked off\",\"outputs\":{},\"durationMs\":0}",
                new EventData.StepSucceeded("Ticked off", null, Map.of(), 0L));
        stored.put(
                "{\"summary\":\"restored\",\"checked\":\"available\",\"outputs\":{\"endpoint\":\"db\"},\"durationMs\":61000}",
                new EventData.StepSucceeded("restored", "available", Map.of("endpoint", "db"), 61000L));
        stored.put(
                "{\"id\":\"added-1\",\"after\":null,\"title\":\"Call\",\"instructions\":\"Call the DBA\"}",
                new EventData.StepAdded("added-1", null, "Call", "Call the DBA"));
        stored.put(
                "{\"from\":\"bob\",\"to\":\"alice\",\"fromSince\":\"2026-11-24T02:40:00Z\",\"stale\":false}",
                new EventData.TakenOver("bob", "alice", FAILURE, false, null));
        stored.put(
                "{\"by\":\"steps\",\"note\":\"every step of the immediate and recovery phases is done\"}",
                new EventData.Recovered(
                        EventData.Recovered.BY_STEPS, "every step of the immediate and recovery phases is done"));
        stored.put(
                "{\"exercise\":\"druid-rds-tabletop\",\"at\":\"T+0\",\"source\":\"script\",\"text\":\"The coordinator is down\"}",
                new EventData.Inject("druid-rds-tabletop", "T+0", "script", "The coordinator is down"));
        stored.put(
                "{\"service\":\"rds\",\"operation\":\"RestoreDBInstanceToPointInTime\",\"requestId\":\"r-1\"}",
                new EventData.ApiCall("rds", "RestoreDBInstanceToPointInTime", "r-1"));
        stored.put(
                "{\"text\":\"INC lost events 13 to 13\",\"lost\":[{\"first\":13,\"last\":13,\"changed\":false}],\"headSays\":13,\"from\":\"/l.mv.db\"}",
                new EventData.EventsLost(
                        "INC lost events 13 to 13",
                        List.of(new EventData.EventsLost.Loss(13, 13, false)),
                        13,
                        "/l.mv.db"));
        stored.forEach((json, expected) -> {
            EventData read = EventCodec.read(expected.kind(), json);
            assertThat(read).as(json).isEqualTo(expected);
            assertThat(EventCodec.write(read)).isEqualTo(json);
        });
    }

    private static Map<String, String> orderedParams() {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("restoreTime", "2026-11-24T02:35:00Z");
        params.put("dbPassword", "[redacted]");
        return params;
    }

    @Test
    void aTimeAStepRecordsIsWrittenAsItsIsoText() {
        EventData ticked = new EventData.StepSucceeded("Ticked off", null, Map.of("firstError", FAILURE), 0L);
        assertThat(EventCodec.write(ticked))
                .isEqualTo("{\"summary\":\"Ticked off\",\"outputs\":{\"firstError\":\"2026-11-24T02:40:00Z\"},"
                        + "\"durationMs\":0}");
        assertThat(((EventData.StepSucceeded) EventCodec.read(EventKind.STEP_SUCCEEDED, EventCodec.write(ticked)))
                        .outputs())
                .containsEntry("firstError", "2026-11-24T02:40:00Z");
    }

    @Test
    void aPayloadThatIsNotJsonReadsAsItsText() {
        assertThat(EventCodec.read(EventKind.NOTE, "pager fired at 02:41"))
                .isEqualTo(new EventData.Note("pager fired at 02:41"));
        assertThat(EventCodec.read(EventKind.STEP_SKIPPED, "[1, 2]")).isEqualTo(new EventData.StepSkipped(null));
    }

    /** What the store writes is what the codec reads back, redacted, and the chain of every event still holds. */
    @Test
    void theLogStoresTheCodecsPayloadRedactedAndItsChainHolds() {
        try (IncidentLogStore log =
                IncidentLogStore.open(dir.resolve("log"), Clock.fixed(FAILURE, ZoneOffset.UTC), "alice")) {
            String id = log.declare(
                            new NewIncident("druid-rds-corruption", "RDS", IncidentMode.LIVE, "SEV1", "alice", null),
                            Map.of("restoreTime", "2026-11-24T02:35:00Z"))
                    .id();
            log.redactor().addSecret("hunter2-secret");
            for (EventData data : EVERY_KIND) {
                if (data.kind() != EventKind.INCIDENT_DECLARED) log.append(id, data, null);
            }
            log.append(id, new EventData.Note("the password is hunter2-secret"), null);
            List<IncidentEvent> events = log.events(id);
            assertThat(events.getFirst().data())
                    .isEqualTo(new EventData.Declared(
                            Map.of("restoreTime", "2026-11-24T02:35:00Z"),
                            null,
                            "druid-rds-corruption",
                            "RDS",
                            "LIVE",
                            "SEV1",
                            "alice",
                            null));
            for (int i = 1; i < EVERY_KIND.size(); i++) {
                assertThat(events.get(i).data()).isEqualTo(EVERY_KIND.get(i));
                assertThat(events.get(i).payload()).isEqualTo(EventCodec.write(EVERY_KIND.get(i)));
            }
            assertThat(events.getLast().data()).isEqualTo(new EventData.Note("the password is [redacted]"));
            assertThat(log.verify(id).intact()).isTrue();
        }
    }
}
