package dev.drpilot.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drpilot.action.ActionRegistry;
import dev.drpilot.engine.EngineTestActions;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.TestClock;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmortemExportTest {

    private static final String RUNBOOK = """
            id: restore-test
            title: Metadata restore
            architecture: druid
            kind: recovery
            targets: { rto: PT30M, rpo: PT5M }
            params:
              - { name: restoreTime, type: instant }
              - { name: dbPassword, type: secret }
            steps:
              - id: greet
                title: Restore the database
                phase: recovery
                action: process.test.succeed
                with: { name: db, password: "${dbPassword}" }
              - id: refused
                title: Update the secret
                phase: recovery
                action: process.test.fail
              - id: check
                title: Check the queries
                phase: validation
                manual: Run a query.
            """;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-24T03:00:00Z"));
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final String canary = "canary-" + System.nanoTime();
    private IncidentLogStore log;
    private Runbook runbook;
    private Incident incident;

    @BeforeEach
    void runAnIncident() throws Exception {
        log = IncidentLogStore.open(dir.resolve("log"), clock, "alice");
        runbook = new RunbookLoader(EngineTestActions.CATALOG)
                .loadText(Path.of("restore-test.yaml"), RUNBOOK)
                .runbooks()
                .get(0);
        IncidentEngine engine = new IncidentEngine(
                log,
                new ActionRegistry(
                        EngineTestActions.CATALOG,
                        List.of(new EngineTestActions.Succeed(), new EngineTestActions.Fail())),
                executor,
                clock,
                clock.sleeper(),
                new Random(1));
        IncidentRun run = engine.declare(
                runbook,
                Map.of("restoreTime", "2026-11-24T02:35:00Z", "dbPassword", canary),
                new NewIncident(
                        runbook.id(),
                        runbook.title(),
                        IncidentMode.LIVE,
                        "SEV1",
                        "alice",
                        Instant.parse("2026-11-24T02:40:00Z")));
        run.entries().note("pager fired", Instant.parse("2026-11-24T02:45:00Z"));
        clock.advance(Duration.ofMinutes(3));
        run.entries().decision("restore to 02:35, five minutes before the first error");
        run.start("greet").get(10, TimeUnit.SECONDS);
        clock.advance(Duration.ofMinutes(12));
        run.start("refused").get(10, TimeUnit.SECONDS);
        run.skip("refused", "updated by hand in the console");
        run.entries().note("the db password " + canary + " was rotated", null);
        incident = log.incident(run.incidentId()).orElseThrow();
    }

    @AfterEach
    void close() {
        executor.shutdownNow();
        log.close();
    }

    private String export(String format) throws Exception {
        StringWriter out = new StringWriter();
        PostmortemWriter.forFormat(format)
                .write(Postmortem.of(incident, Optional.of(runbook), log.events(incident.id())), out);
        return out.toString();
    }

    @Test
    void theRecoveryTimesAreMeasuredFromTheFailure() throws Exception {
        Postmortem pm = Postmortem.of(incident, Optional.of(runbook), log.events(incident.id()));

        assertThat(pm.timeToDeclare()).isEqualTo(Duration.ofMinutes(20));
        assertThat(pm.timeToFirstAction()).isEqualTo(Duration.ofMinutes(3));
        assertThat(pm.rtoAchieved()).isEqualTo(Duration.ofMinutes(35));
        assertThat(pm.rpoAchieved()).isEqualTo(Duration.ofMinutes(5));
        List<TimelineEntry> entries = new ArrayList<>();
        pm.entries(entries::add);
        assertThat(entries.get(0).text()).isEqualTo("Note: pager fired");
        assertThat(entries.get(0).addedLater()).isTrue();
    }

    @Test
    void markdownHasTheSummaryObjectivesTimelineDecisionsAndProblems() throws Exception {
        String md = export("md");

        assertThat(md)
                .startsWith("# Post-mortem: Metadata restore")
                .contains("| Failure began | 2026-11-24 02:40:00 UTC |")
                .contains("| Declared | 2026-11-24 03:00:00 UTC (20 min after the failure) |")
                .contains("## Impact")
                .contains("Degraded for 35 min, from 2026-11-24 02:40:00 UTC")
                .contains("| RTO | < 30 min | 35 min | missed |")
                .contains("| RPO | < 5 min | 5 min | missed |") // "< 5 min" is strictly under it
                .contains("| 2026-11-24 02:45:00 (added later) | +5 min |  | Note: pager fired | alice |")
                .contains("## Decisions")
                .contains("restore to 02:35, five minutes before the first error")
                .contains("Update the secret: Failed: Access denied: test:Fail is not allowed for role operator")
                .contains("Skipped: updated by hand in the console")
                .contains("- [ ] Find out why: Update the secret - Failed: Access denied")
                .contains("| Log integrity | hash chain intact over "
                        + log.events(incident.id()).size() + " events, head hash "
                        + log.events(incident.id()).getLast().hash() + " |");
    }

    @Test
    void htmlIsOneSelfContainedPrintableFile() throws Exception {
        String html = export("html");

        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("@media print")
                .doesNotContain("<link")
                .doesNotContain("<script")
                .contains("<td class=\"missed\">missed</td>")
                .contains("<tr class=\"STEP_FAILED\">");
    }

    @Test
    void jsonHasEveryEventWithItsHashAndCsvOneRowEach() throws Exception {
        JsonNode json = new ObjectMapper().readTree(export("json"));
        int events = log.events(incident.id()).size();

        assertThat(json.path("schemaVersion").asInt()).isEqualTo(2);
        assertThat(json.path("eventCount").asInt()).isEqualTo(events);
        assertThat(json.path("seal").path("headHash").asText())
                .isEqualTo(log.events(incident.id()).getLast().hash());
        assertThat(json.path("incident").path("failureStartedAt").asText()).isEqualTo("2026-11-24T02:40:00Z");
        assertThat(json.path("events")).hasSize(events);
        assertThat(json.path("events").get(0).path("kind").asText()).isEqualTo(EventKind.INCIDENT_DECLARED.name());
        assertThat(json.path("events")
                        .get(0)
                        .path("payload")
                        .path("params")
                        .path("restoreTime")
                        .asText())
                .isEqualTo("2026-11-24T02:35:00Z");
        assertThat(json.path("events").get(events - 1).path("hash").asText()).hasSize(64);

        String csv = export("csv");
        assertThat(csv.split("\r\n")).hasSize(events + 1);
        assertThat(csv)
                .startsWith("sequence,time_utc,offset_seconds,kind,step,step_title,actor,added_later,corrects,text");
    }

    @Test
    void noExportContainsASecret() throws Exception {
        for (String format : List.of("md", "html", "json", "csv")) {
            assertThat(export(format)).as(format).doesNotContain(canary).contains("[redacted]");
        }
    }
}
