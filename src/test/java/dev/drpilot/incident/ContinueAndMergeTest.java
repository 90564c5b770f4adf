package dev.drpilot.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log carried to another folder and merged back, on real H2 files: the chains go on unbroken
 * there, the way back appends what is new, refuses two logs that diverged without changing
 * anything, and adds nothing the second time.
 */
class ContinueAndMergeTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();

    @Test
    void theStoreGoesOnInAnotherFolderAndMergesBackWithEveryChainIntact() {
        Path main = dir.resolve("main/incidents");
        Path elsewhere = dir.resolve("other-disk");
        String kept;
        String only;
        List<IncidentEvent> before;
        try (IncidentLogStore store = IncidentLogStore.open(main, clock, "alice")) {
            kept = declare(store, "kept going");
            note(store, kept, "before the move");
            before = store.events(kept);

            LogContinuation.Report report = store.continueIn(elsewhere);

            Path target = elsewhere.resolve("incidents");
            assertThat(store.file()).isEqualTo(target);
            assertThat(report.lines())
                    .containsExactly(
                            "Continued in " + target + ".mv.db: 2 events of 1 incident copied from " + main
                                    + ".mv.db, every chain intact.",
                            "Work on with --log " + target + "; once the first disk has room, `drpilot merge --from "
                                    + target + " --log " + main + "` brings the new events back.");
            assertThat(store.events(kept)).isEqualTo(before);
            assertThat(note(store, kept, "after the move").sequence()).isEqualTo(3);
            only = declare(store, "declared elsewhere");
            assertThat(store.verify(kept).intact()).isTrue();
        }
        try (IncidentLogStore first = IncidentLogStore.open(main, clock, "alice")) {
            assertThat(first.events(kept)).isEqualTo(before);
            assertThat(first.incident(only)).isEmpty();
        }

        Path other = elsewhere.resolve("incidents");
        try (IncidentLogStore into = IncidentLogStore.open(main, clock, "alice");
                IncidentLogStore from = IncidentLogStore.open(other, clock, "alice")) {
            LogMerge.Report merged = LogMerge.merge(from, into);

            assertThat(merged.lines())
                    .containsExactly(
                            "Merged 2 events from " + other + ".mv.db into " + main + ".mv.db: " + kept
                                    + " events 3 to 3, " + only + " (new here, 1 event).",
                            "Each keeps its hash: `drpilot verify INCIDENT --log " + main + "` checks a chain.");
            assertThat(into.events(kept)).isEqualTo(from.events(kept));
            assertThat(into.events(only)).isEqualTo(from.events(only));
            assertThat(into.incident(only).orElseThrow().title()).isEqualTo("declared elsewhere");

            LogMerge.Report again = LogMerge.merge(from, into);

            assertThat(again.lines())
                    .containsExactly(
                            "Nothing to merge: " + main + ".mv.db already holds every event of " + other + ".mv.db.");
            assertThat(into.events(kept)).hasSize(3);
        }
        try (IncidentLogStore reopened = IncidentLogStore.open(main, clock, "alice")) {
            assertThat(reopened.damage())
                    .as("the head file agrees with the merged database")
                    .isEmpty();
            assertThat(reopened.verify(kept).intact()).isTrue();
            assertThat(reopened.verify(only).intact()).isTrue();
            Map<String, LogHead.Entry> head = new LogHead(main).entries();
            assertThat(head.get(kept).sequence()).isEqualTo(3);
            assertThat(head.get(kept).hash())
                    .isEqualTo(reopened.events(kept).getLast().hash());
            assertThat(head.get(only).hash())
                    .isEqualTo(reopened.events(only).getLast().hash());
            assertThat(note(reopened, kept, "back home").sequence()).isEqualTo(4);
        }
    }

    @Test
    void theIncidentsThisStoreDrivesAreStillItsInTheNewLog() {
        try (IncidentLogStore store = IncidentLogStore.open(dir.resolve("main/incidents"), clock, "alice")) {
            String driven = declare(store, "driven here");
            String released = declare(store, "let go");
            assertThat(store.drivers().claim(driven, false).held()).isTrue();
            assertThat(store.drivers().claim(released, false).held()).isTrue();
            store.drivers().release(released);

            store.continueIn(dir.resolve("other-disk"));

            assertThat(store.drivers().driver(driven).orElseThrow().seat())
                    .isEqualTo(store.drivers().seat());
            assertThat(store.drivers().heartbeat(driven)).isTrue();
            assertThat(store.drivers().driver(released)).isEmpty();
        }
    }

    @Test
    void twoLogsThatDivergedAreNotMergedAndNothingChanges() throws Exception {
        Path main = dir.resolve("main/incidents");
        Path elsewhere = dir.resolve("other-disk");
        String incident;
        try (IncidentLogStore store = IncidentLogStore.open(main, clock, "alice")) {
            incident = declare(store, "split in two");
        }
        LogContinuation.into(main, elsewhere, clock, "alice");
        Path other = elsewhere.resolve("incidents");
        try (IncidentLogStore there = IncidentLogStore.open(other, clock, "bob")) {
            note(there, incident, "written there");
        }
        try (IncidentLogStore into = IncidentLogStore.open(main, clock, "alice");
                IncidentLogStore from = IncidentLogStore.open(other, clock, "alice")) {
            note(into, incident, "written here meanwhile");
            List<IncidentEvent> before = into.events(incident);
            String head = Files.readString(new LogHead(main).file());

            assertThatThrownBy(() -> LogMerge.merge(from, into))
                    .isInstanceOf(IncidentLogUnavailableException.class)
                    .hasMessageStartingWith(
                            "Not merged: the two logs diverged: event 2 of " + incident + " is a note written at ")
                    .hasMessageContaining(
                            "so nothing was changed; keep both logs, and export the incident from each for the post-mortem.");

            assertThat(into.events(incident)).isEqualTo(before);
            assertThat(Files.readString(new LogHead(main).file())).isEqualTo(head);
        }
    }

    @Test
    void aFolderThatHoldsALogOfThatNameIsRefusedAndTheStoreKeepsWriting() {
        Path main = dir.resolve("main/incidents");
        Path elsewhere = dir.resolve("other-disk");
        try (IncidentLogStore there = IncidentLogStore.open(elsewhere.resolve("incidents"), clock, "bob")) {
            declare(there, "already there");
        }
        try (IncidentLogStore store = IncidentLogStore.open(main, clock, "alice")) {
            String incident = declare(store, "stays here");

            assertThatThrownBy(() -> store.continueIn(elsewhere))
                    .hasMessage("Not continued: " + elsewhere.resolve("incidents") + ".mv.db exists in " + elsewhere
                            + ", and a log is never written over; choose another folder.");

            assertThat(store.file()).isEqualTo(main);
            assertThat(note(store, incident, "still here").sequence()).isEqualTo(2);
        }
    }

    private static String declare(IncidentLogStore store, String title) {
        return store.declare(
                        new NewIncident("druid-rds-corruption", title, IncidentMode.LIVE, null, null, null), Map.of())
                .id();
    }

    private static IncidentEvent note(IncidentLogStore store, String incident, String text) {
        return store.append(incident, new EventData.Note(text), null);
    }
}
