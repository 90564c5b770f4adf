package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.DrPilotCommand;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Input without sense is refused in one sentence before anything is declared, called or logged:
 * a parameter the size of a log file, a time in the future where only the past makes sense, a
 * name Kubernetes would refuse, a note of megabytes, a correction of an event that does not exist.
 */
class InputLimitsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int drpilot(String... args) {
        CommandLine line = DrPilotCommand.commandLine(DrPilotServices.fromEnvironment());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private String log() {
        return dir.resolve("log").toString();
    }

    private int incidents() {
        if (!Files.exists(Path.of(log() + ".mv.db"))) return 0;
        try (IncidentLogStore store = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "test")) {
            return store.incidents().size();
        }
    }

    @Test
    void parametersThatCannotBeRightAreRefusedBeforeAnythingIsDeclared() {
        String tomorrow = Instant.now()
                .plus(1, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();

        assertThat(drpilot("run", "druid-rds-corruption", "--log", log(), "-p", "restoreTime=" + tomorrow))
                .isEqualTo(1);
        assertThat(err.toString()).contains("restoreTime: " + tomorrow + " is in the future");

        assertThat(drpilot("run", "druid-pod-failure", "--log", log(), "-p", "pod=Druid_Historical 2"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("'Druid_Historical 2' is not a Kubernetes name");

        assertThat(drpilot("run", "druid-pod-failure", "--log", log(), "-p", "pod=" + "a".repeat(10_000_000)))
                .isEqualTo(1);
        assertThat(err.toString()).contains("pod: at most 4096 characters (this value has 10000000)");
        assertThat(err.toString().length()).as("the value is not echoed back").isLessThan(5_000);

        assertThat(drpilot(
                        "run",
                        "druid-pod-failure",
                        "--log",
                        log(),
                        "-p",
                        "pod=druid-historical-2",
                        "--failure-started-at",
                        tomorrow))
                .isEqualTo(1);
        assertThat(err.toString()).contains("the failure's start " + tomorrow + " is in the future");
        assertThat(incidents()).as("nothing declared").isZero();
    }

    @Test
    void notesOfMegabytesFutureDatesAndCorrectionsOfNothingAreRefused() {
        String id;
        try (IncidentLogStore store = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "test")) {
            id = store.declare(
                            new NewIncident(
                                    "druid-pod-failure", "Druid pod failure", IncidentMode.LIVE, null, null, null),
                            Map.of())
                    .id();
        }

        assertThat(drpilot("note", id, "x".repeat(10_001), "--log", log())).isEqualTo(1);
        assertThat(err.toString()).contains("a note holds at most 10000 characters");
        assertThat(drpilot(
                        "note",
                        id,
                        "paged",
                        "--at",
                        Instant.now().plus(2, ChronoUnit.HOURS).toString(),
                        "--log",
                        log()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("which is in the future");
        assertThat(drpilot("note", id, "wrong time", "--corrects", "99", "--log", log()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("there is no event 99 in " + id + " (its events are 1 to 1)");
        assertThat(drpilot("note", id, "wrong time", "--corrects", "-5", "--log", log()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("there is no event -5");
        assertThat(err.toString()).doesNotContain("Exception");

        assertThat(drpilot("note", id, "the first event named the wrong pod", "--corrects", "1", "--log", log()))
                .isZero();
        assertThat(out.toString()).contains("logged as event 2 of " + id);
    }

    @Test
    void aMistypedLogIsSaidByTheCommandsThatReadAndNoLogIsMadeThere() {
        for (String[] command : new String[][] {
            {"incidents"},
            {"verify", "INC-1"},
            {"export", "INC-1", "--format", "md"},
            {"note", "INC-1", "hello"},
            {"close", "INC-1", "--summary", "done"}
        }) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 2);
            args[command.length] = "--log";
            args[command.length + 1] = dir.resolve("mistyped").resolve("log").toString();
            assertThat(drpilot(args)).as(String.join(" ", command)).isEqualTo(1);
        }
        assertThat(err.toString())
                .contains(
                        "There is no incident log at " + dir.resolve("mistyped").resolve("log.mv.db"));
        assertThat(dir.resolve("mistyped")).doesNotExist();
    }
}
