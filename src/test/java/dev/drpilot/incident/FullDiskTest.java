package dev.drpilot.incident;

import dev.drpilot.incident.EventData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log on a disk that fills up: the append that cannot be written says so at once, with what
 * was not written and what to do, and every note acknowledged before it is in the log afterwards.
 * The disk is a 2 MB tmpfs mounted for the test (which needs root; skipped otherwise).
 */
class FullDiskTest {

    private static final long ROOM_FOR_THE_LOG = 160 * 1024;

    @TempDir
    Path dir;

    private Path disk;
    private boolean mounted;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        disk = Files.createDirectories(dir.resolve("small-disk"));
        String output = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.toString());
        mounted = output == null;
        assumeTrue(mounted, "a 2 MB tmpfs cannot be mounted here (the test needs root): " + output);
    }

    @AfterEach
    void unmountIt() throws Exception {
        if (mounted) assertThat(run("umount", disk.toString())).isNull();
    }

    @Test
    void theNoteThatDoesNotFitSaysSoAndEveryAcknowledgedNoteIsKept() throws Exception {
        Path log = disk.resolve("log");
        List<String> acknowledged = new ArrayList<>();
        List<String> inTheLog = new ArrayList<>();
        IncidentLogUnavailableException failure = null;
        String incident;
        try (IncidentLogStore store = IncidentLogStore.open(log, Clock.systemUTC(), "alice")) {
            incident = store.declare(new NewIncident("druid-rds-corruption", "on a small disk", IncidentMode.LIVE, null, null, null), Map.of()).id();
            Path filler = disk.resolve("filler");
            Files.write(filler, new byte[(int) (Files.getFileStore(disk).getUsableSpace() - ROOM_FOR_THE_LOG)]);
            for (int i = 1; failure == null; i++) {
                String text = text(i);
                try {
                    store.append(incident, new EventData.Note(text), null);
                    acknowledged.add(text);
                    inTheLog.add(text);
                } catch (IncidentLogUnavailableException e) {
                    failure = e;
                }
            }
            int refused = acknowledged.size() + 1;
            // which write meets the full disk first depends on where its pages fall: the database's commit, its sync, or the head file
            String disk = "the disk holding " + log + ".mv.db is full: free some space on it (or start DR Pilot with --log PATH on another disk)";
            String note = "the note \"note " + refused + " " + "x".repeat(52) + "...\" for " + incident;
            if (failure.getMessage().startsWith("Not written")) {
                assertThat(failure.getMessage()).isEqualTo("Not written to the incident log: " + note + ". T" + disk.substring(1)
                        + ", then write it again. Every event acknowledged before this one is in the log.");
            } else if (failure.getMessage().contains("not synced")) {
                assertThat(failure.getMessage()).isEqualTo("Written to the incident log as event " + (refused + 1) + " of " + incident
                        + " but not synced to disk: " + note + ". T" + disk.substring(1) + ". It stays in the log unless the machine loses"
                        + " power first; every event acknowledged before it is on disk.");
                inTheLog.add(text(refused));
            } else {
                assertThat(failure.getMessage()).isEqualTo("Written to the incident log as event " + (refused + 1) + " of " + incident
                        + ", but its head file " + log + ".head could not be updated: the disk holding it is full. Free some space on it;"
                        + " the next event written brings the head file up to date (until then, a loss of this event would go unseen).");
                inTheLog.add(text(refused));
            }
            assertThatThrownBy(() -> store.append(incident, new EventData.Note("and another"), null))
                    .isInstanceOf(IncidentLogUnavailableException.class)
                    .hasMessageStartingWith("Not written to the incident log: the note \"and another\" for " + incident + ".")
                    .hasMessageContaining(" is full: free some space on it");
            Files.delete(filler);
        }
        assertThat(acknowledged).as("notes acknowledged before the disk was full").hasSizeGreaterThan(5);

        try (IncidentLogStore reopened = IncidentLogStore.open(log, Clock.systemUTC(), "alice")) {
            assertThat(reopened.damage()).isEmpty();
            List<String> kept = reopened.events(incident).stream().skip(1).map(IncidentEvent::payload).toList();
            assertThat(kept).hasSize(inTheLog.size());
            for (int i = 0; i < inTheLog.size(); i++) assertThat(kept.get(i)).contains(inTheLog.get(i));
            assertThat(reopened.verify(incident).intact()).isTrue();
        }
    }

    private static String text(int note) {
        return "note " + note + " " + "x".repeat(500);
    }

    /** Runs a command; null when it succeeded, else what it said. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS)) return String.join(" ", command) + " did not finish";
        return process.exitValue() == 0 ? null : String.join(" ", command) + ": " + output.strip();
    }
}
