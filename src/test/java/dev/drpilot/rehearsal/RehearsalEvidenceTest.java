package dev.drpilot.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpilot.app.DrPilotCommand;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.readiness.ReadinessReport;
import dev.drpilot.readiness.ReadinessRow;
import dev.drpilot.readiness.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The evidence pack of a rehearsal: the sample tabletop (the RDS corruption exercise) played to its
 * end, a gap recorded past its due date and one not yet due, a readiness report attached; the pack
 * holds every field docs/evidence.md maps, `verify --file` passes on it and fails once an edit changes
 * a verdict. With -Devidence.examples=true it is copied to docs/examples/evidence-rehearsal.{html,json}.
 */
class RehearsalEvidenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int drpilot(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine line = DrPilotCommand.commandLine(DrPilotServices.fromEnvironment());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void theSampleTabletopsPackHoldsEveryFieldShowsTheOverdueGapAndFailsVerifyOnceEdited() throws Exception {
        Path log = dir.resolve("log");
        String id;
        try (IncidentLogStore store = IncidentLogStore.open(log, Clock.systemUTC(), "facilitator");
                Tabletop tabletop = Shipped.TABLETOPS.start(
                        Shipped.exercise("druid-rds-corruption-tabletop"),
                        Shipped.runbook("druid-rds-corruption"),
                        store,
                        RehearsalClock.unchecked(300),
                        "alice")) {
            id = tabletop.run().incidentId();
            tabletop.run().skip("check-window", "the readiness report showed the restorable window this morning");
            assertThat(new Autoplay(tabletop.run(), tabletop.clock()).playToEnd(Duration.ofSeconds(60)))
                    .isTrue();
        }
        Path readiness = dir.resolve("readiness.json");
        Files.writeString(
                readiness,
                new ReadinessReport(
                                Instant.now().minus(Duration.ofDays(1)),
                                "arn:aws:iam::123456789012:user/alice in account 123456789012",
                                List.of(
                                        new ReadinessRow(
                                                "RDS Automated backups: 30 days",
                                                "retention 30 days",
                                                "at least 30 days",
                                                Verdict.MET,
                                                ""),
                                        new ReadinessRow(
                                                "RDS snapshot age",
                                                "newest snapshot 3 days old",
                                                "at most 1 day",
                                                Verdict.BREACHED,
                                                "Run druid-backup-rds-snapshot")))
                        .toJson());

        assertThat(drpilot(
                        "gap",
                        id,
                        "--log",
                        log.toString(),
                        "--text",
                        "Nobody knew where the Druid logs are kept",
                        "--owner",
                        "bob",
                        "--due",
                        "2020-01-31",
                        "--remediation",
                        "Link the log location from the runbook's first step"))
                .as(err.toString())
                .isZero();
        assertThat(drpilot(
                        "gap",
                        id,
                        "--log",
                        log.toString(),
                        "--text",
                        "The restore took longer than its expected time",
                        "--owner",
                        "data platform team",
                        "--due",
                        "2999-12-31",
                        "--remediation",
                        "Measure a restore of the production-sized snapshot"))
                .isZero();
        assertThat(drpilot(
                        "gap",
                        id,
                        "--log",
                        log.toString(),
                        "--text",
                        "x",
                        "--owner",
                        "bob",
                        "--due",
                        "31/01/2020",
                        "--remediation",
                        "y"))
                .isEqualTo(2);
        assertThat(err.toString().strip())
                .isEqualTo(
                        "not logged: --due '31/01/2020' is not a day: give it as YYYY-MM-DD, for example 2026-12-31");

        assertThat(drpilot(
                        "evidence",
                        id,
                        "--log",
                        log.toString(),
                        "--to",
                        dir.toString(),
                        "--readiness",
                        readiness.toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("1 of 2 gaps are past their due date");
        Path json = dir.resolve(id + "-evidence.json");
        Path html = dir.resolve(id + "-evidence.html");

        List<IncidentEvent> logged;
        try (IncidentLogStore store = IncidentLogStore.open(log, Clock.systemUTC(), "test")) {
            logged = store.events(id);
        }
        IncidentEvent sealedHead = logged.get(logged.size() - 3);
        assertThat(logged.subList(logged.size() - 2, logged.size()))
                .extracting(IncidentEvent::kind)
                .containsOnly(EventKind.EXPORT);
        assertThat(sealedHead.kind()).isEqualTo(EventKind.READINESS_ATTACHED);

        JsonNode evidence = JSON.readTree(json.toFile()).path("evidence");
        assertThat(evidence.path("testId").asText()).isEqualTo(id);
        assertThat(evidence.path("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(evidence.path("scenarioType").asText()).isEqualTo("tabletop");
        assertThat(evidence.path("scope").path("exercise").asText()).isEqualTo("druid-rds-corruption-tabletop");
        assertThat(evidence.path("scope").path("architecture").asText()).isEqualTo("Druid");
        assertThat(evidence.path("participants").findValuesAsText("name")).contains("alice", "facilitator", "bob");
        assertThat(participant(evidence, "alice")).contains("incident commander");
        assertThat(participant(evidence, "facilitator"))
                .as("the log's own user plays the steps and the injects")
                .contains("ran steps", "facilitator");
        assertThat(participant(evidence, "bob")).containsExactly("owns a remediation");
        assertThat(evidence.path("runbook").path("id").asText()).isEqualTo("druid-rds-corruption");
        assertThat(evidence.path("runbook").path("version").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(evidence.path("objectives").path("rto").path("target").asText())
                .isEqualTo("30 min - 1 h");
        assertThat(evidence.path("objectives").path("rto").path("verdict").asText())
                .isIn("pass", "fail");
        assertThat(evidence.path("objectives").path("rpo").path("achieved").asText())
                .isEqualTo("PT5M");
        assertThat(evidence.path("objectives").path("rpo").path("verdict").asText())
                .as("5 minutes lost, against < 5 min")
                .isEqualTo("fail");
        assertThat(evidence.path("deviations").findValuesAsText("what"))
                .anyMatch(what -> what.matches("Retry \\d+ after: .*is forbidden.*"));
        assertThat(evidence.path("skippedSteps")).hasSize(1);
        assertThat(evidence.path("skippedSteps").get(0).path("reason").asText())
                .isEqualTo("the readiness report showed the restorable window this morning");
        JsonNode gaps = evidence.path("gaps");
        assertThat(gaps).hasSize(2);
        assertThat(gaps.get(0).path("owner").asText()).isEqualTo("bob");
        assertThat(gaps.get(0).path("due").asText()).isEqualTo("2020-01-31");
        assertThat(gaps.get(0).path("overdue").asBoolean()).isTrue();
        assertThat(gaps.get(1).path("overdue").asBoolean()).isFalse();
        JsonNode ready = evidence.path("readinessBeforeTest");
        assertThat(ready.path("result").asText()).isEqualTo("targets breached");
        assertThat(ready.path("beforeTest").asBoolean()).isTrue();
        assertThat(ready.path("sha256").asText()).hasSize(64);
        assertThat(ready.path("rows")).hasSize(2);
        assertThat(evidence.path("log").path("headHash").asText()).isEqualTo(sealedHead.hash());
        assertThat(evidence.path("log").path("eventCount").asLong()).isEqualTo(sealedHead.sequence());

        String page = Files.readString(html);
        assertThat(page)
                .contains(
                        "@media print",
                        "Gaps and remediation",
                        "Readiness before the test",
                        "Participants and roles",
                        "tabletop",
                        sealedHead.hash())
                .doesNotContain("<script", "src=", "href=", "url(", "@import");
        assertThat(page.split("OVERDUE", -1))
                .as("only the gap past its due date is overdue")
                .hasSize(2);
        assertThat(page)
                .containsPattern(
                        "Nobody knew where the Druid logs are kept</td>.*2020-01-31 <span class=\"overdue\">OVERDUE");

        assertThat(drpilot("verify", "--file", json.toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("intact evidence pack, " + sealedHead.sequence() + " events of " + id);

        ObjectNode edited = (ObjectNode) JSON.readTree(json.toFile());
        ((ObjectNode) edited.path("evidence").path("objectives").path("rpo")).put("verdict", "pass");
        Path tampered = dir.resolve("tampered.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tampered.toFile(), edited);
        assertThat(drpilot("verify", "--file", tampered.toString())).isEqualTo(1);
        assertThat(err.toString())
                .contains(
                        "TAMPERED: its evidence (figures, verdicts, gaps, participants) was changed after it was sealed");

        keepAsExample(json, "evidence-rehearsal.json");
        keepAsExample(html, "evidence-rehearsal.html");
    }

    private static List<String> participant(JsonNode evidence, String name) {
        List<String> roles = new ArrayList<>();
        for (JsonNode p : evidence.path("participants")) {
            if (p.path("name").asText().equals(name)) p.path("roles").forEach(role -> roles.add(role.asText()));
        }
        return roles;
    }

    private static void keepAsExample(Path file, String name) throws Exception {
        if (Boolean.getBoolean("evidence.examples"))
            Files.copy(file, Path.of("docs/examples", name), StandardCopyOption.REPLACE_EXISTING);
    }
}
