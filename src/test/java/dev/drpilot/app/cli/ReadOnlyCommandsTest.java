package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.DrPilotCommand;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.incident.CrashedLog;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * verify, incidents and scorecard only read the log: its file keeps every byte (H2 compacts a
 * database it opened for writing when it closes it), nothing is made beside it, and a log left
 * open by a killed process is read as it is, without waiting for H2's stale lock.
 */
class ReadOnlyCommandsTest {

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

    private static String hash(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** The files beside the log with their size and hash: what a recovery would find there. */
    private static List<String> folder(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .sorted()
                    .map(f -> {
                        try {
                            return f.getFileName() + " " + Files.size(f) + " " + hash(f) + " "
                                    + Files.getLastModifiedTime(f);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }
    }

    @Test
    void verifyIncidentsAndScorecardLeaveEveryByteOfALogNobodyHasOpen() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path log = logs.resolve("log");
        String live;
        String drill;
        try (IncidentLogStore store = IncidentLogStore.open(log, Clock.systemUTC(), "alice")) {
            Incident incident = store.declare(
                    new NewIncident(
                            "druid-rds-corruption", "Metadata DB corrupted", IncidentMode.LIVE, "SEV1", "alice", null),
                    Map.of());
            store.append(incident.id(), new EventData.Note("restore started"), null);
            live = incident.id();
            drill = store.declare(
                            new NewIncident(
                                    "dr-drill-monthly", "Monthly drill", IncidentMode.REHEARSAL, null, "alice", null),
                            Map.of())
                    .id();
        }
        List<String> before = folder(logs);
        Path card = dir.resolve("card.md");

        assertThat(drpilot("verify", live, "--log", log.toString()))
                .as(err.toString())
                .isZero();
        assertThat(folder(logs)).as("after verify").isEqualTo(before);
        assertThat(drpilot("incidents", "--log", log.toString()))
                .as(err.toString())
                .isZero();
        assertThat(folder(logs)).as("after incidents").isEqualTo(before);
        assertThat(drpilot(
                        "scorecard", drill, "--log", log.toString(), "--runbooks", "runbooks", "-o", card.toString()))
                .as(err.toString())
                .isZero();
        assertThat(folder(logs)).as("after scorecard").isEqualTo(before);

        assertThat(out.toString()).contains(live + ": intact, 2 events", live, drill, "Scorecard of " + drill);
        assertThat(card).exists();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aLogLeftOpenByAKilledProcessIsReadAsItIsAndLeftAsItWas() throws Exception {
        CrashedLog crashed = CrashedLog.in(dir.resolve("crashed"));
        Path folder = crashed.log().getParent();
        assertThat(folder.resolve("log.lock.db"))
                .as("left open by the killed process")
                .exists();
        List<String> before = folder(folder);

        assertThat(drpilot("incidents", "--log", crashed.log().toString()))
                .as(err.toString())
                .isZero();
        assertThat(drpilot("verify", crashed.newest(), "--log", crashed.log().toString()))
                .as(err.toString())
                .isZero();

        assertThat(folder(folder)).isEqualTo(before);
        assertThat(out.toString())
                .contains(crashed.older(), crashed.newest(), crashed.newest() + ": intact, 13 events");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aReadOnlyCommandMakesNoLogWhereThereIsNone() throws IOException {
        Path nowhere = dir.resolve("nowhere/log");

        assertThat(drpilot("incidents", "--log", nowhere.toString())).isEqualTo(1);

        assertThat(err.toString())
                .isEqualTo("There is no incident log at " + nowhere + ".mv.db: check --log or DRPILOT_LOG"
                        + " (`drpilot run` or the window makes a new one)." + System.lineSeparator());
        assertThat(dir.resolve("nowhere")).doesNotExist();
    }
}
