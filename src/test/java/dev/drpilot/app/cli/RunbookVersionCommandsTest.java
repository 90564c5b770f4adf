package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.DrPilotCommand;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.timeline.EventDescriptions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The runbook's version in the log: recorded at declaration, asked about on resuming a changed file, compared by `drpilot diff`. */
class RunbookVersionCommandsTest {

    private static final String FIRST = """
            id: two-checks
            title: Two checks
            architecture: druid
            kind: readiness
            targets: { rto: none, rpo: none }
            steps:
              - { id: look, title: Look at the coordinator, phase: validation, manual: Open the coordinator console. }
              - { id: count, title: Count the segments, phase: validation, manual: Count the segments of yesterday. }
            """;
    private static final String SECOND =
            FIRST.replace("Count the segments of yesterday.", "Count the segments of the last 7 days.");

    @TempDir
    Path dir;

    private Path runbooks;
    private Path file;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @BeforeEach
    void runbookFile() throws Exception {
        runbooks = Files.createDirectories(dir.resolve("runbooks"));
        file = Files.writeString(runbooks.resolve("two-checks.yaml"), FIRST);
    }

    private int drpilot(String input, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine line = DrPilotCommand.commandLine(DrPilotServices.fromEnvironment());
            line.setOut(new PrintWriter(out, true));
            line.setErr(new PrintWriter(err, true));
            return line.execute(args);
        } finally {
            System.setIn(stdin);
        }
    }

    private String log() {
        return dir.resolve("log").toString();
    }

    private List<IncidentEvent> events(String incidentId) {
        try (IncidentLogStore store = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "test")) {
            return store.events(incidentId);
        }
    }

    /** Declares an incident on the runbook file as it is now, ticks its first step and stops (the input ends). */
    private String declare() {
        List<String> before;
        try (IncidentLogStore store = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "test")) {
            before = store.incidents().stream().map(i -> i.id()).toList();
        }
        drpilot("looked\n", "run", "two-checks", "--runbooks", runbooks.toString(), "--log", log());
        assertThat(out.toString()).contains("Stopped; the incident stays open");
        try (IncidentLogStore store = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "test")) {
            return store.incidents().stream()
                    .map(i -> i.id())
                    .filter(id -> !before.contains(id))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static String sha256(Path path) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)));
    }

    @Test
    void theDeclarationRecordsTheFilesHashAndText() throws Exception {
        String id = declare();

        EventData.Declared declared = (EventData.Declared) events(id).getFirst().data();
        assertThat(declared.runbookFile().name()).isEqualTo("two-checks.yaml");
        assertThat(declared.runbookFile().sha256()).isEqualTo(sha256(file));
        assertThat(declared.runbookFile().text()).isEqualTo(FIRST);
        assertThat(EventDescriptions.describe(events(id).getFirst()))
                .endsWith("runbook two-checks.yaml version " + sha256(file).substring(0, 12));
    }

    @Test
    void aResumeOnAnEditedRunbookShowsTheDiffAndIsRefusedUnlessAccepted() throws Exception {
        String id = declare();
        String firstSha = sha256(file);
        Files.writeString(file, SECOND);
        int eventsBefore = events(id).size();

        int refused = drpilot("\n", "resume", id, "--runbooks", runbooks.toString(), "--log", log());

        assertThat(refused).isEqualTo(1);
        assertThat(out.toString())
                .contains("The runbook two-checks.yaml changed since " + id + " recorded it: it was version "
                        + firstSha.substring(0, 12))
                .contains("--- two-checks.yaml version " + firstSha.substring(0, 12) + " (as " + id + " recorded it)")
                .contains(
                        "\n-  - { id: count, title: Count the segments, phase: validation, manual: Count the segments of yesterday. }\n")
                .contains(
                        "\n+  - { id: count, title: Count the segments, phase: validation, manual: Count the segments of the last 7 days. }\n")
                .contains("Resume with the changed runbook? [y/N]");
        assertThat(err.toString().strip())
                .isEqualTo("Not resumed: " + id + " recorded another version of its runbook; resume it again"
                        + " and answer y, or add --accept-changed-runbook.");
        assertThat(events(id)).as("a refused resume writes nothing").hasSize(eventsBefore);

        int accepted = drpilot(
                "r\ncounted\n",
                "resume",
                id,
                "--accept-changed-runbook",
                "--runbooks",
                runbooks.toString(),
                "--log",
                log());

        assertThat(accepted).as(out + "\n" + err).isZero();
        assertThat(out.toString())
                .contains("Count the segments of the last 7 days.")
                .contains("All steps done");
        List<IncidentEvent> after = events(id);
        assertThat(after)
                .filteredOn(e -> e.kind() == EventKind.RUNBOOK_CHANGED)
                .singleElement()
                .satisfies(e -> {
                    EventData.RunbookChanged changed = (EventData.RunbookChanged) e.data();
                    assertThat(changed.file().sha256()).isEqualTo(sha256(file));
                    assertThat(changed.file().text()).isEqualTo(SECOND);
                    assertThat(changed.previousSha256()).isEqualTo(firstSha);
                });
        assertThat(drpilot("", "verify", id, "--log", log())).isZero();

        Path md = dir.resolve("pm.md");
        Path json = dir.resolve("pm.json");
        assertThat(drpilot("", "export", id, "--log", log(), "--format", "md", "--out", md.toString()))
                .isZero();
        assertThat(drpilot("", "export", id, "--log", log(), "--format", "json", "--out", json.toString()))
                .isZero();
        assertThat(Files.readString(md))
                .contains("| Runbook | `two-checks`, two-checks.yaml version " + firstSha.substring(0, 12)
                        + "; changed mid-incident to two-checks.yaml version "
                        + sha256(file).substring(0, 12));
        assertThat(Files.readString(json)).contains("\"runbookVersions\"").contains(sha256(file));
        assertThat(drpilot("", "verify", "--file", json.toString()))
                .as(out + " " + err)
                .isZero();

        drpilot("", "resume", id, "--runbooks", runbooks.toString(), "--log", log());
        assertThat(out.toString())
                .as("the accepted change is not asked about again")
                .contains("Resumed " + id)
                .doesNotContain("changed since");
    }

    @Test
    void anIncidentOfALogWrittenBeforeVersionsResumesAsBefore() {
        String id;
        try (IncidentLogStore store = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "test")) {
            id = store.declare(
                            new NewIncident("two-checks", "Two checks", IncidentMode.LIVE, null, null, null), Map.of())
                    .id();
            assertThat(store.events(id).getFirst().payload())
                    .as("written as before versions were recorded")
                    .isEqualTo("{\"params\":{},\"runbook\":\"two-checks\",\"title\":\"Two checks\",\"mode\":\"LIVE\"}");
        }

        int status = drpilot("looked\ncounted\n", "resume", id, "--runbooks", runbooks.toString(), "--log", log());

        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).doesNotContain("changed since").contains("All steps done");
        assertThat(events(id))
                .extracting(IncidentEvent::kind)
                .contains(EventKind.INCIDENT_RESUMED)
                .doesNotContain(EventKind.RUNBOOK_CHANGED);

        assertThat(drpilot("", "diff", id, id, "--log", log())).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo(id + " was declared before DR Pilot recorded runbook versions, so there is no runbook"
                        + " of it to compare");
    }

    @Test
    void diffComparesTheRunbooksOfTwoIncidents() throws Exception {
        String first = declare();
        Files.writeString(file, SECOND);
        String second = declare();
        String third = declare();

        assertThat(drpilot("", "diff", second, third, "--log", log())).isZero();
        assertThat(out.toString().strip())
                .isEqualTo("same runbook version " + sha256(file).substring(0, 12) + " (two-checks.yaml)");

        assertThat(drpilot("", "diff", first, second, "--log", log())).isZero();
        assertThat(out.toString().lines().toList())
                .contains(
                        "--- " + first + " two-checks.yaml version "
                                + sha256Of(FIRST).substring(0, 12),
                        "+++ " + second + " two-checks.yaml version "
                                + sha256(file).substring(0, 12),
                        "-  - { id: count, title: Count the segments, phase: validation, manual: Count the segments of yesterday. }",
                        "+  - { id: count, title: Count the segments, phase: validation, manual: Count the segments of the last 7 days. }");

        assertThat(drpilot("", "diff", first, "INC-nothing", "--log", log())).isEqualTo(1);
        assertThat(err.toString()).contains("no incident 'INC-nothing' in the log");
    }

    private static String sha256Of(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
