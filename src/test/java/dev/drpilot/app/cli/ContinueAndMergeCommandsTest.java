package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.Main;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.incident.SmallDisk;
import dev.drpilot.teamlog.LaptopId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `continue` and `merge` as an operator runs them: what they say, and one sentence with a non-zero exit when they refuse. */
class ContinueAndMergeCommandsTest {

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    private static Run drpilot(String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("drpilot-out", ".txt");
        Path err = Files.createTempFile("drpilot-err", ".txt");
        Process child = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(
                child.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aSharedLogTakesItsLaptopIdAlongSoItSharesAsTheSameLaptop() throws Exception {
        Path main = dir.resolve("main/incidents");
        Path folder = dir.resolve("other-disk");
        Path other = folder.resolve("incidents");
        try (IncidentLogStore store = IncidentLogStore.open(main, Clock.systemUTC(), "alice")) {
            store.declare(
                    new NewIncident("druid-rds-corruption", "disk filling", IncidentMode.LIVE, null, null, null),
                    Map.of());
        }
        String laptop = LaptopId.of(main);

        Run moved = drpilot("continue", "--log", main.toString(), "--to", folder.toString());

        assertThat(moved.status()).as(moved.err()).isZero();
        assertThat(moved.out().lines())
                .contains("Its laptop id went along (" + other
                        + ".laptop): the new log shares with the team log as the same laptop.");
        assertThat(LaptopId.of(other)).isEqualTo(laptop);
    }

    @Test
    void theLogGoesOnElsewhereAndComesBackOnceAndDivergedLogsAreRefused() throws Exception {
        Path main = dir.resolve("main/incidents");
        Path folder = dir.resolve("other-disk");
        Path other = folder.resolve("incidents");
        String incident;
        try (IncidentLogStore store = IncidentLogStore.open(main, Clock.systemUTC(), "alice")) {
            incident = store.declare(
                            new NewIncident(
                                    "druid-rds-corruption", "disk filling", IncidentMode.LIVE, null, null, null),
                            Map.of())
                    .id();
        }

        Run moved = drpilot("continue", "--log", main.toString(), "--to", folder.toString());
        assertThat(moved.status()).isZero();
        assertThat(moved.out().lines())
                .containsExactly(
                        "Continued in " + other + ".mv.db: 1 event of 1 incident copied from " + main
                                + ".mv.db, every chain intact.",
                        "Work on with --log " + other + "; once the first disk has room, `drpilot merge --from " + other
                                + " --log " + main + "` brings the new events back.");
        assertThat(drpilot("note", incident, "--log", other.toString(), "written", "there")
                        .status())
                .isZero();

        Run merged = drpilot("merge", "--from", other.toString(), "--log", main.toString());
        assertThat(merged.status()).isZero();
        assertThat(merged.out())
                .startsWith("Merged 1 event from " + other + ".mv.db into " + main + ".mv.db: " + incident
                        + " events 2 to 2.");
        Run again = drpilot("merge", "--from", other.toString(), "--log", main.toString());
        assertThat(again.status()).isZero();
        assertThat(again.out().strip())
                .isEqualTo("Nothing to merge: " + main + ".mv.db already holds every event of " + other + ".mv.db.");
        Run verified = drpilot("verify", incident, "--log", main.toString());
        assertThat(verified.status()).isZero();
        assertThat(verified.out()).startsWith(incident + ": intact, 2 events");

        assertThat(drpilot("note", incident, "--log", main.toString(), "written", "here")
                        .status())
                .isZero();
        assertThat(drpilot("note", incident, "--log", other.toString(), "and", "there")
                        .status())
                .isZero();
        Run diverged = drpilot("merge", "--from", other.toString(), "--log", main.toString());
        assertThat(diverged.status()).isEqualTo(1);
        assertThat(diverged.err().lines()).hasSize(1);
        assertThat(diverged.err())
                .startsWith("Not merged: the two logs diverged: event 3 of " + incident + " is a note written at ")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(diverged.out()).isEmpty();
        assertThat(drpilot("verify", incident, "--log", main.toString()).out())
                .startsWith(incident + ": intact, 3 events");
    }

    @Test
    void aCommandOnAFullDiskNamesTheCommandThatGoesOnElsewhere() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("small-disk"))) {
            Path log = disk.folder().resolve("incidents");
            String incident;
            try (IncidentLogStore store = IncidentLogStore.open(log, Clock.systemUTC(), "alice")) {
                incident = store.declare(
                                new NewIncident(
                                        "druid-rds-corruption", "disk filling", IncidentMode.LIVE, null, null, null),
                                Map.of())
                        .id();
            }
            disk.fillUp();

            Run refused = drpilot("note", incident, "--log", log.toString(), "pager", "fired");

            assertThat(refused.status()).isEqualTo(1);
            assertThat(refused.err().lines()).hasSize(1);
            // the command cannot even open the log: H2 writes a lock file first
            assertThat(refused.err().strip())
                    .isEqualTo("Cannot open the incident log " + log + ".mv.db: the disk holding it is full."
                            + " Free some space on it, or go on in a folder on another disk with `drpilot continue --log "
                            + log + " --to FOLDER`"
                            + " and work on with --log in that folder.");

            Path folder = dir.resolve("other-disk");
            assertThat(drpilot("continue", "--log", log.toString(), "--to", folder.toString())
                            .status())
                    .isZero();
            Run again = drpilot(
                    "note", incident, "--log", folder.resolve("incidents").toString(), "pager", "fired");
            assertThat(again.status()).isZero();
            assertThat(again.out()).contains("logged as event 2 of " + incident);
            disk.free();
            Run merged = drpilot("merge", "--from", folder.resolve("incidents").toString(), "--log", log.toString());
            assertThat(merged.status()).isZero();
            assertThat(merged.out()).startsWith("Merged 1 event from ");
            assertThat(drpilot("verify", incident, "--log", log.toString()).out())
                    .startsWith(incident + ": intact, 2 events");
        }
    }

    @Test
    void refusalsAreOneSentenceWithANonZeroExit() throws Exception {
        Path main = dir.resolve("main/incidents");
        Path folder = dir.resolve("other-disk");
        try (IncidentLogStore store = IncidentLogStore.open(main, Clock.systemUTC(), "alice")) {
            store.declare(
                    new NewIncident("druid-rds-corruption", "disk filling", IncidentMode.LIVE, null, null, null),
                    Map.of());
        }
        assertThat(drpilot("continue", "--log", main.toString(), "--to", folder.toString())
                        .status())
                .isZero();

        Run twice = drpilot("continue", "--log", main.toString(), "--to", folder.toString());
        Run ownFolder = drpilot(
                "continue", "--log", main.toString(), "--to", main.getParent().toString());
        Run noSuchLog =
                drpilot("merge", "--from", dir.resolve("nowhere/incidents").toString(), "--log", main.toString());
        Run itself = drpilot("merge", "--from", main.toString(), "--log", main.toString());

        assertThat(twice.err().strip())
                .isEqualTo("Not continued: " + folder.resolve("incidents") + ".mv.db exists in " + folder
                        + ", and a log is never written over; choose another folder.");
        assertThat(ownFolder.err().strip())
                .isEqualTo("Not continued: " + main.getParent()
                        + " is the log's own folder; choose a folder on another disk.");
        assertThat(noSuchLog.err().strip())
                .isEqualTo("There is no incident log at " + dir.resolve("nowhere/incidents")
                        + ".mv.db to merge from: check --from.");
        assertThat(itself.err().strip())
                .isEqualTo("Not merged: --from and --log name the same log, " + main
                        + ".mv.db; name the log that went on elsewhere with --from.");
        for (Run refused : List.of(twice, ownFolder, noSuchLog, itself)) {
            assertThat(refused.status()).isEqualTo(1);
            assertThat(refused.err().lines()).hasSize(1);
            assertThat(refused.err()).doesNotContain("Exception");
        }
    }
}
