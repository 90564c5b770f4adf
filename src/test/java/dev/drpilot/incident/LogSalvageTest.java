package dev.drpilot.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drpilot recover}'s work: every readable event of a damaged file goes into a new log as it
 * was, hash and all, and what is lost is named there as an event that the hash chain points at.
 */
class LogSalvageTest {

    @TempDir
    static Path crashed;

    @TempDir
    Path dir;

    private static CrashedLog template;
    private static List<IncidentEvent> written;
    private static List<IncidentEvent> older;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T04:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void writeTheLogAndKillItsProcess() throws Exception {
        template = CrashedLog.in(crashed.resolve("template"));
        try (IncidentLogStore store =
                IncidentLogStore.open(template.copyTo(crashed.resolve("read")).log(), Clock.systemUTC(), "reader")) {
            written = store.events(template.newest());
            older = store.events(template.older());
        }
    }

    @Test
    void aLostTailIsNamedAndRecordedAfterTheEventsThatAreLeftWithTheirHashes() throws Exception {
        CrashedLog log = template.copyTo(dir.resolve("damaged"));
        log.zeroNewestChunk();
        byte[] damaged = log.bytes();
        Path target = dir.resolve("salvaged/log");

        LogSalvage.Report report = LogSalvage.salvage(log.log(), target, clock, "alice");

        assertThat(report.lines())
                .containsExactly(
                        "Salvaged 15 events of 2 incidents from " + log.log() + ".mv.db into " + target
                                + ".mv.db (the damaged file was only read).",
                        log.newest()
                                + " lost events 13 to 13: the database holds 12, its head file says 13; recorded as event 14 of "
                                + log.newest() + " in the new log.",
                        "Each event keeps its hash: `drpilot verify INCIDENT --log " + target
                                + "` names where an incident's chain breaks." + " Work on with --log " + target + ".");
        assertThat(log.bytes()).isEqualTo(damaged);
        try (IncidentLogStore salvaged = IncidentLogStore.open(target, clock, "alice")) {
            assertThat(salvaged.damage()).isEmpty();
            List<IncidentEvent> events = salvaged.events(log.newest());
            assertThat(events.subList(0, 12)).isEqualTo(written.subList(0, 12));
            IncidentEvent loss = events.get(12);
            assertThat(loss.sequence()).isEqualTo(14);
            assertThat(loss.kind()).isEqualTo(EventKind.EVENTS_LOST);
            assertThat(loss.previousHash())
                    .as("chained to the lost event's hash, from the head file")
                    .isEqualTo(written.get(12).hash());
            assertThat(loss.payload())
                    .contains("lost events 13 to 13")
                    .contains("\"headSays\":13")
                    .contains(log.database().toString());
            assertThat(salvaged.verify(log.newest()).reason()).isEqualTo("event 13 is missing (found 14 next)");
            assertThat(salvaged.events(log.older())).isEqualTo(older);
            assertThat(salvaged.verify(log.older()).intact()).isTrue();
            assertThat(salvaged.incident(log.newest()).orElseThrow().title()).isEqualTo("appended by a child process");

            assertThat(salvaged.append(log.newest(), new EventData.Note("working on"), null)
                            .sequence())
                    .isEqualTo(15);
        }
    }

    @Test
    void withZeroedHeadersEveryEventIsFoundInTheChunks() throws Exception {
        CrashedLog log = template.copyTo(dir.resolve("damaged"));
        log.zeroHeaders();
        Path target = dir.resolve("salvaged");

        LogSalvage.Report report = LogSalvage.salvage(log.log(), target, clock, "alice");

        assertThat(report.losses()).isEmpty();
        assertThat(report.lines()).contains("Nothing lost: every event its head file knows of was salvaged.");
        try (IncidentLogStore salvaged = IncidentLogStore.open(target, clock, "alice")) {
            assertThat(salvaged.events(log.newest())).isEqualTo(written);
            assertThat(salvaged.verify(log.newest()).intact()).isTrue();
        }
    }

    @Test
    void aNewestEventChangedByFlippedBytesIsKeptAndTheLossOfTheRecordedOneNamed() throws Exception {
        CrashedLog log = template.copyTo(dir.resolve("damaged"));
        log.flip(log.headHash(log.newest()));
        Path target = dir.resolve("salvaged");

        LogSalvage.Report report = LogSalvage.salvage(log.log(), target, clock, "alice");

        assertThat(report.salvaged()).containsEntry(log.older(), 3).containsEntry(log.newest(), 13);
        assertThat(report.losses())
                .extracting(IncidentLoss::sentence)
                .containsExactly(log.newest() + " event 13 is not the one its head file"
                        + " recorded: the database holds another event 13 (a rolled-back or rewritten file)");
        try (IncidentLogStore salvaged = IncidentLogStore.open(target, clock, "alice")) {
            assertThat(salvaged.events(log.newest()).subList(0, 12)).isEqualTo(written.subList(0, 12));
            assertThat(salvaged.verify(log.newest()).reason()).isEqualTo("event 13 was changed after it was written");
        }
    }

    @Test
    void anEmptiedFileLeavesEachIncidentItsLossAndNothingElse() throws Exception {
        CrashedLog log = template.copyTo(dir.resolve("damaged"));
        log.empty();
        Path target = dir.resolve("salvaged");

        LogSalvage.Report report = LogSalvage.salvage(log.log(), target, clock, "alice");

        assertThat(report.losses())
                .extracting(IncidentLoss::sentence)
                .containsExactlyInAnyOrder(
                        log.older() + " lost events 1 to 3: the database holds none, its head file says 3",
                        log.newest() + " lost events 1 to 13: the database holds none, its head file says 13");
        try (IncidentLogStore salvaged = IncidentLogStore.open(target, clock, "alice")) {
            assertThat(salvaged.events(log.newest()))
                    .extracting(IncidentEvent::sequence)
                    .containsExactly(14L);
            assertThat(salvaged.verify(log.newest()).reason()).isEqualTo("event 1 is missing (found 14 next)");
            assertThat(salvaged.incident(log.newest()).orElseThrow().title())
                    .isEqualTo("Salvaged from a damaged log: its declaration was lost");
        }
    }

    @Test
    void aSalvageNeverWritesOverAFile() throws Exception {
        CrashedLog log = template.copyTo(dir.resolve("damaged"));
        Path existing = Files.writeString(dir.resolve("taken.mv.db"), "someone's log");

        assertThatThrownBy(() -> LogSalvage.salvage(log.log(), dir.resolve("taken"), clock, "alice"))
                .isInstanceOf(IncidentLogUnavailableException.class)
                .hasMessage("Not salvaged: " + existing
                        + " exists, and a salvage never writes over a file. Give a new path with --to.");
        assertThat(existing).hasContent("someone's log");
    }
}
