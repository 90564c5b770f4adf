package dev.drpilot.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.engine.IncidentFigures;
import dev.drpilot.engine.TestClock;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Phase;
import dev.drpilot.runbook.Runbook;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scorecard's figures, checked on a rehearsal written event by event at known times. */
class ScorecardTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void everyFigureComesFromTheEvents() throws Exception {
        Runbook runbook = Shipped.runbook("druid-rds-corruption");
        TestClock clock = new TestClock(T0);
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), clock, "alice")) {
            Incident incident = rehearsal(log, clock, Duration.ofMinutes(12), Duration.ofMinutes(4));
            Scorecard card = Scorecard.of(incident, runbook, log.events(incident.id()));

            assertThat(card.rto())
                    .isEqualTo(Duration.ofMinutes(35)); // failure 10 min before the declaration, recovered 25 min after
            assertThat(card.rtoVerdict()).isEqualTo("met"); // target 30-60 min
            assertThat(card.rpo()).isEqualTo(Duration.ofMinutes(4)); // restored to 4 min before the failure
            assertThat(card.rpoVerdict()).isEqualTo("met"); // target < 5 min
            assertThat(card.timeToFirstAction()).isEqualTo(Duration.ofMinutes(3));
            // the phases' windows count from the failure's start, as on the incident's screen: the immediate work ended
            // 15 min in
            assertThat(card.phases())
                    .extracting(
                            Scorecard.PhaseResult::phase,
                            Scorecard.PhaseResult::doneAfter,
                            Scorecard.PhaseResult::verdict)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(Phase.IMMEDIATE, Duration.ofMinutes(15), "met"),
                            org.assertj.core.groups.Tuple.tuple(Phase.RECOVERY, Duration.ofMinutes(35), "met"),
                            org.assertj.core.groups.Tuple.tuple(Phase.VALIDATION, null, "not finished"));
            assertThat(card.retried()).isEqualTo(Map.of("restore", 1));
            assertThat(card.skipped()).isEqualTo(Map.of("point-druid-at-it", "secret updated by hand"));
            // and so do the injects' times, as the facilitator's T+ showed them
            assertThat(card.injects())
                    .containsExactly(
                            new Scorecard.InjectReaction(
                                    Duration.ofMinutes(12),
                                    "The restored instance is still creating",
                                    Duration.ofMinutes(1)),
                            new Scorecard.InjectReaction(
                                    Duration.ofMinutes(36), "A new error after the restart", null));
        }
    }

    @Test
    void anRpoOfExactlyTheTargetUnderAStrictTargetIsMissed() throws Exception {
        Runbook runbook = Shipped.runbook("druid-rds-corruption");
        TestClock clock = new TestClock(T0);
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), clock, "alice")) {
            Incident incident = rehearsal(log, clock, Duration.ofMinutes(12), Duration.ofMinutes(5));
            Scorecard card = Scorecard.of(incident, runbook, log.events(incident.id()));

            assertThat(card.rpo()).isEqualTo(Duration.ofMinutes(5));
            assertThat(card.rpoVerdict())
                    .as("RPO 5 min against a target of < 5 min")
                    .isEqualTo("missed");
            StringWriter out = new StringWriter();
            ScorecardWriter.write(card, List.of(card), out);
            assertThat(out.toString()).contains("| RPO (data lost) | 5 min | < 5 min | missed |");
        }
    }

    @Test
    void theExportComparesTheExerciseAcrossRehearsals() throws Exception {
        Runbook runbook = Shipped.runbook("druid-rds-corruption");
        TestClock clock = new TestClock(T0);
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), clock, "alice")) {
            Incident first = rehearsal(log, clock, Duration.ofMinutes(40), Duration.ofMinutes(4));
            clock.advance(Duration.ofDays(30));
            Incident second = rehearsal(log, clock, Duration.ofMinutes(12), Duration.ofMinutes(4));
            List<Scorecard> history = List.of(
                    Scorecard.of(second, runbook, log.events(second.id())),
                    Scorecard.of(first, runbook, log.events(first.id())));

            StringWriter out = new StringWriter();
            ScorecardWriter.write(history.getFirst(), history, out);
            String md = out.toString();

            assertThat(md)
                    .contains("| RTO (time to recover) | 35 min | 30 min - 1 h | met |")
                    .contains("| RPO (data lost) | 4 min | < 5 min | met |")
                    .contains("| Phase: Recovery | 35 min | within 4 h | met |")
                    .contains("- restore: retried 1 time")
                    .contains("- point-druid-at-it: skipped (secret updated by hand)")
                    .contains("| T+12 min | The restored instance is still creating | 1 min |");
            int older = md.indexOf("| " + first.id() + " |");
            int newer = md.indexOf("| **" + second.id() + "** (this one) |");
            assertThat(older).isPositive().isLessThan(newer);
            assertThat(md).contains("| " + first.id() + " | 2026-11-20 10:00 UTC | 1 h 3 min |");

            StringWriter html = new StringWriter();
            ScorecardHtmlWriter.write(history.getFirst(), history, html);
            assertThat(html.toString())
                    .contains(
                            "<td>RTO (time to recover)</td><td>35 min</td><td>30 min - 1 h</td><td class=\"met\">met</td>")
                    .contains("<tr class=\"this\"><td>" + second.id() + " (this one)</td>")
                    .contains("RTO target 1 h</text>")
                    // 1 h 3 min missed the target (red), 35 min met it (green); the longer bar is the whole width
                    .contains("width=\"560\" height=\"18\" fill=\"#cf222e\"")
                    .contains("fill=\"#2da44e\"");

            StringWriter csv = new StringWriter();
            ScorecardDataWriter.writeCsv(history, csv);
            assertThat(csv.toString().lines())
                    .containsExactly(
                            "rehearsal,started,rto_seconds,rto_verdict,rpo_seconds,rpo_verdict,first_action_seconds,retries,skips",
                            first.id() + ",2026-11-20T10:00:00Z,3780,missed,240,met,180,1,1",
                            second.id() + ",2026-12-20T10:54:00Z,2100,met,240,met,180,1,1");
            StringWriter json = new StringWriter();
            ScorecardDataWriter.writeJson(history.getFirst(), history, json);
            var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toString());
            assertThat(tree.path("rtoSeconds").asLong()).isEqualTo(2100);
            assertThat(tree.path("phases").get(1).path("doneAfterSeconds").asLong())
                    .isEqualTo(35 * 60);
            assertThat(tree.path("injects").get(0).path("reactionSeconds").asLong())
                    .isEqualTo(60);
            assertThat(tree.path("rehearsals")).hasSize(2);
        }
    }

    /**
     * A rehearsal of druid-rds-corruption declared at the clock's time, the failure 10 minutes
     * before, restored to {@code restoredBefore} the failure; {@code waitTakes} is how long the restore's wait lasts.
     */
    private static Incident rehearsal(
            IncidentLogStore log, TestClock clock, Duration waitTakes, Duration restoredBefore) {
        Instant declared = clock.instant();
        Instant failure = declared.minus(Duration.ofMinutes(10));
        Incident incident = log.declare(
                new NewIncident("druid-rds-corruption", "Rehearsal", IncidentMode.REHEARSAL, null, "alice", failure),
                Map.of(
                        IncidentFigures.RESTORE_POINT,
                        failure.minus(restoredBefore).toString()));
        String id = incident.id();
        at(clock, declared, 2);
        log.append(id, new EventData.Inject(null, null, null, "The restored instance is still creating"), null);
        at(clock, declared, 3);
        log.append(id, new EventData.StepStarted(null, 1, null, null), "find-time");
        at(clock, declared, 4);
        log.append(id, new EventData.StepSucceeded(null, null, null, null), "find-time");
        log.append(id, new EventData.StepStarted(null, 1, null, null), "check-window");
        at(clock, declared, 5);
        log.append(id, new EventData.StepSucceeded(null, null, null, null), "check-window");
        log.append(id, new EventData.StepStarted(null, 1, null, null), "restore");
        at(clock, declared, 6);
        log.append(id, new EventData.StepRetried(2, null, null), "restore");
        at(clock, declared, 8);
        log.append(id, new EventData.StepSucceeded(null, null, null, null), "restore");
        log.append(id, new EventData.StepStarted(null, 1, null, null), "wait");
        long afterWait = 8 + waitTakes.toMinutes();
        at(clock, declared, afterWait);
        log.append(id, new EventData.StepSucceeded(null, null, null, null), "wait");
        at(clock, declared, afterWait + 1);
        log.append(id, new EventData.StepSkipped("secret updated by hand"), "point-druid-at-it");
        log.append(id, new EventData.StepStarted(null, 1, null, null), "restart");
        at(clock, declared, afterWait + 2);
        log.append(id, new EventData.StepSucceeded(null, null, null, null), "restart");
        log.append(id, new EventData.StepStarted(null, 1, null, null), "wait-rollout");
        at(clock, declared, afterWait + 5);
        log.append(id, new EventData.StepSucceeded(null, null, null, null), "wait-rollout");
        at(clock, declared, afterWait + 6);
        log.append(id, new EventData.Inject(null, null, null, "A new error after the restart"), null);
        return log.incident(id).orElseThrow();
    }

    private static void at(TestClock clock, Instant declared, long minutes) {
        clock.advance(Duration.between(clock.instant(), declared.plus(Duration.ofMinutes(minutes))));
    }
}
