package dev.drpilot.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log on a disk that fills up: the append that cannot be written says so at once, with what
 * was not written and what to do, and every note acknowledged before it is in the log afterwards;
 * the log then goes on in a folder on another disk, and merges back once there is room.
 * The disk is a 2 MB tmpfs mounted for the test (which needs root; skipped otherwise).
 */
class FullDiskTest {

    private static final long ROOM_FOR_THE_LOG = 160 * 1024;

    @TempDir
    Path dir;

    private SmallDisk small;
    private Path disk;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        small = SmallDisk.mount(dir.resolve("small-disk"));
        disk = small.folder();
    }

    @AfterEach
    void unmountIt() throws Exception {
        if (small != null) small.close();
    }

    @Test
    void theNoteThatDoesNotFitSaysSoAndEveryAcknowledgedNoteIsKept() throws Exception {
        Path log = disk.resolve("log");
        List<String> acknowledged = new ArrayList<>();
        List<String> inTheLog = new ArrayList<>();
        IncidentLogUnavailableException failure = null;
        String incident;
        try (IncidentLogStore store = IncidentLogStore.open(log, Clock.systemUTC(), "alice")) {
            incident = store.declare(
                            new NewIncident(
                                    "druid-rds-corruption", "on a small disk", IncidentMode.LIVE, null, null, null),
                            Map.of())
                    .id();
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
            // which write meets the full disk first depends on where its pages fall: the database's commit, its sync,
            // or the head file
            String disk = "the disk holding " + log
                    + ".mv.db is full: free some space on it, or go on in a folder on another disk"
                    + " (`drpilot continue --log " + log
                    + " --to FOLDER`, or Continue in another folder in the window)";
            String note = "the note \"note " + refused + " " + "x".repeat(52) + "...\" for " + incident;
            if (failure.getMessage().startsWith("Not written")) {
                assertThat(failure.getMessage())
                        .isEqualTo("Not written to the incident log: " + note + ". T" + disk.substring(1)
                                + ", then write it again. Every event acknowledged before this one is in the log.");
            } else if (failure.getMessage().contains("not synced")) {
                assertThat(failure.getMessage())
                        .isEqualTo("Written to the incident log as event " + (refused + 1) + " of " + incident
                                + " but not synced to disk: " + note + ". T" + disk.substring(1)
                                + ". It stays in the log unless the machine loses"
                                + " power first; every event acknowledged before it is on disk.");
                inTheLog.add(text(refused));
            } else {
                assertThat(failure.getMessage())
                        .isEqualTo(
                                "Written to the incident log as event " + (refused + 1) + " of " + incident
                                        + ", but its head file " + log
                                        + ".head could not be updated: the disk holding it is full. Free some space on it;"
                                        + " the next event written brings the head file up to date (until then, a loss of this event would go unseen).");
                inTheLog.add(text(refused));
            }
            assertThatThrownBy(() -> store.append(incident, new EventData.Note("and another"), null))
                    .isInstanceOf(IncidentLogUnavailableException.class)
                    .hasMessageStartingWith(
                            "Not written to the incident log: the note \"and another\" for " + incident + ".")
                    .hasMessageContaining(" is full: free some space on it");
            Files.delete(filler);
        }
        assertThat(acknowledged)
                .as("notes acknowledged before the disk was full")
                .hasSizeGreaterThan(5);

        try (IncidentLogStore reopened = IncidentLogStore.open(log, Clock.systemUTC(), "alice")) {
            assertThat(reopened.damage()).isEmpty();
            List<String> kept = reopened.events(incident).stream()
                    .skip(1)
                    .map(IncidentEvent::payload)
                    .toList();
            assertThat(kept).hasSize(inTheLog.size());
            for (int i = 0; i < inTheLog.size(); i++) assertThat(kept.get(i)).contains(inTheLog.get(i));
            assertThat(reopened.verify(incident).intact()).isTrue();
        }
    }

    @Test
    void theIncidentGoesOnInAnotherFolderWithNothingLostAndMergesBack() throws Exception {
        Path log = disk.resolve("log");
        Path secondDisk = dir.resolve("second-disk");
        Path continued = secondDisk.resolve("log");
        List<String> expected = new ArrayList<>();
        String incident;
        List<IncidentEvent> there;
        try (IncidentLogStore store = IncidentLogStore.open(log, Clock.systemUTC(), "alice")) {
            incident = store.declare(
                            new NewIncident(
                                    "druid-rds-corruption", "on a small disk", IncidentMode.LIVE, null, null, null),
                            Map.of())
                    .id();
            List<String> stops = new ArrayList<>();
            store.whenStopped(stops::add);
            for (int i = 1; i <= 3; i++) {
                store.append(incident, new EventData.Note(text(i)), null);
                expected.add(text(i));
            }
            small.fillUp();
            IncidentLogUnavailableException failure = null;
            for (int i = 4; failure == null; i++) {
                try {
                    store.append(incident, new EventData.Note(text(i)), null);
                    expected.add(text(i));
                } catch (IncidentLogUnavailableException e) {
                    failure = e;
                    expected.add(text(i)); // the failed note: written where the log goes on, or in the log already
                }
            }
            assertThat(stops)
                    .as("the failure is heard the moment it happens, when it stops the log")
                    .isEqualTo(store.stopped() ? List.of(failure.getMessage()) : List.of());

            List<String> report = store.continueIn(secondDisk).lines();

            String note = "the note \"" + expected.getLast().substring(0, 60) + "...\" for " + incident;
            boolean notWritten = failure.getMessage().startsWith("Not written");
            assertThat(report.getFirst())
                    .isEqualTo("Continued in " + continued + ".mv.db: "
                            + (notWritten ? expected.size() : expected.size() + 1)
                            + " events of 1 incident copied from " + log + ".mv.db, every chain intact.");
            if (notWritten) {
                assertThat(report)
                        .contains("Not written to the old log: " + note + "; written to the new log as event "
                                + (expected.size() + 1) + " of " + incident + ".");
            } else if (failure.getMessage().contains("not synced")) {
                assertThat(report)
                        .contains("The write that failed, " + note
                                + ", reached the old log before it stopped: it is event " + (expected.size() + 1)
                                + " of " + incident + " in the new log too.");
            }
            assertThat(store.stopped()).isFalse();
            for (int i = 1; i <= 3; i++) {
                String after = "after the move " + i;
                store.append(incident, new EventData.Note(after), null);
                expected.add(after);
            }
            there = store.events(incident);
            assertThat(there).hasSize(expected.size() + 1);
            for (int i = 0; i < expected.size(); i++)
                assertThat(there.get(i + 1).payload()).contains(expected.get(i));
            assertThat(store.verify(incident).intact()).isTrue();
            small.free();
        }

        try (IncidentLogStore main = IncidentLogStore.open(log, Clock.systemUTC(), "alice");
                IncidentLogStore other = IncidentLogStore.open(continued, Clock.systemUTC(), "alice")) {
            assertThat(main.damage()).isEmpty();
            int before = main.events(incident).size();

            LogMerge.merge(other, main);

            assertThat(main.events(incident)).isEqualTo(there);
            assertThat(main.verify(incident).intact()).isTrue();
            assertThat(there.size() - before).as("events merged back").isGreaterThanOrEqualTo(3);
            assertThat(LogMerge.merge(other, main).added()).isEmpty();
        }
        try (IncidentLogStore reopened = IncidentLogStore.open(log, Clock.systemUTC(), "alice")) {
            assertThat(reopened.damage()).isEmpty();
            assertThat(new LogHead(log).entries().get(incident).hash())
                    .isEqualTo(there.getLast().hash());
        }
    }

    private static String text(int note) {
        return "note " + note + " " + "x".repeat(500);
    }
}
