package dev.drpilot.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real log file, left by a crash, damaged in each way a disk can: every loss is named, the
 * damaged file is copied aside and never written to, and no new log is started over it.
 */
class DamagedLogTest {

    @TempDir
    static Path crashed;

    @TempDir
    Path dir;

    private static CrashedLog template;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void writeTheLogAndKillItsProcess() throws Exception {
        template = CrashedLog.in(crashed);
    }

    private CrashedLog log() throws Exception {
        return template.copyTo(dir);
    }

    @Test
    void aLogLeftByACrashOpensWithNothingNamedAndTakesNewEvents() throws Exception {
        CrashedLog log = log();
        try (IncidentLogStore store = IncidentLogStore.open(log.log(), clock, "alice")) {
            assertThat(store.damage()).isEmpty();
            assertThat(store.events(log.newest())).hasSize(13);
            assertThat(store.append(log.newest(), new EventData.Note("after the crash"), null)
                            .sequence())
                    .isEqualTo(14);
        }
        assertThat(log.files()).noneMatch(f -> f.contains("damaged"));
    }

    @Test
    void aZeroedNewestChunkIsNamedTheLogOpensReadOnlyAndItsFileIsNeverWritten() throws Exception {
        CrashedLog log = log();
        log.zeroNewestChunk();
        byte[] damaged = log.bytes();

        try (IncidentLogStore store = IncidentLogStore.open(log.log(), clock, "alice")) {
            LogDamage damage = store.damage().orElseThrow();
            assertThat(damage.sentence())
                    .startsWith("The incident log " + log.database() + " is damaged: " + log.newest()
                            + " lost events 13 to 13: the database holds 12, its head file says 13.")
                    .doesNotContain(log.older())
                    .contains("open read-only")
                    .contains("drpilot recover --log " + log.log() + " --to NEWPATH");
            assertThat(store.events(log.newest())).hasSize(12);
            assertThat(store.verify(log.newest()).intact()).isFalse();
            assertThat(store.verify(log.newest()).reason()).startsWith(log.newest() + " lost events 13 to 13");
            assertThat(store.verify(log.older()).intact()).isTrue();

            assertThatThrownBy(() -> store.append(log.newest(), new EventData.Note("pager fired"), null))
                    .isInstanceOf(IncidentLogUnavailableException.class)
                    .hasMessageStartingWith("Not written: the note \"pager fired\" for " + log.newest()
                            + ". The incident log " + log.database() + " is damaged");
            assertThatThrownBy(() -> store.append(log.older(), new EventData.Note("elsewhere"), null))
                    .isInstanceOf(IncidentLogUnavailableException.class);
            assertThatThrownBy(() -> store.declare(
                            new NewIncident("druid-rds-corruption", "another", IncidentMode.LIVE, null, null, null),
                            Map.of()))
                    .isInstanceOf(IncidentLogUnavailableException.class)
                    .hasMessageContaining("is damaged");

            assertThat(damage.copy()).isEqualTo(dir.resolve("log.damaged-20261124T030000Z.mv.db"));
            assertThat(Files.readAllBytes(damage.copy())).isEqualTo(damaged);
            assertThat(dir.resolve("log.damaged-20261124T030000Z.head"))
                    .hasSameTextualContentAs(dir.resolve("log.head"));
        }
        assertThat(log.bytes())
                .as("the damaged file, after it was opened and closed")
                .isEqualTo(damaged);

        try (IncidentLogStore again = IncidentLogStore.open(log.log(), clock, "alice")) {
            assertThat(again.damage()).isPresent();
        }
        assertThat(log.files())
                .as("the same damage is copied once")
                .filteredOn(f -> f.contains("damaged"))
                .hasSize(2);
    }

    @Test
    void aFileTruncatedAtItsNewestChunkIsNamed() throws Exception {
        CrashedLog log = log();
        log.truncateAtNewestChunk();
        byte[] damaged = log.bytes();

        try (IncidentLogStore store = IncidentLogStore.open(log.log(), clock, "alice")) {
            assertThat(store.damage().orElseThrow().sentence())
                    .contains(log.newest() + " lost events 13 to 13: the database holds 12, its head file says 13");
        }
        assertThat(log.bytes()).isEqualTo(damaged);
    }

    @Test
    void zeroedHeadersAreAnErrorNamingTheFileNotANewLog() throws Exception {
        CrashedLog log = log();
        log.zeroHeaders();
        byte[] damaged = log.bytes();

        assertThatThrownBy(() -> IncidentLogStore.open(log.log(), clock, "alice"))
                .isInstanceOf(IncidentLogUnavailableException.class)
                .hasMessageStartingWith("The incident log " + log.database()
                        + " cannot be read (File corrupted while reading record: \"" + log.database() + "\"")
                .hasMessageContaining("It was copied to " + dir.resolve("log.damaged-20261124T030000Z.mv.db"))
                .hasMessageContaining("no new log is started over it")
                .hasMessageContaining("drpilot recover --log " + log.log() + " --to NEWPATH");
        assertThat(log.bytes()).isEqualTo(damaged);
        assertThat(log.files())
                .containsExactly(
                        "log.damaged-20261124T030000Z.head",
                        "log.damaged-20261124T030000Z.mv.db",
                        "log.head",
                        "log.head.lock",
                        "log.lock.db",
                        "log.mv.db");
    }

    @Test
    void flippedBytesInTheNewestEventsHashAreNamed() throws Exception {
        CrashedLog log = log();
        log.flip(log.headHash(log.newest()));
        byte[] damaged = log.bytes();

        try (IncidentLogStore store = IncidentLogStore.open(log.log(), clock, "alice")) {
            assertThat(store.damage().orElseThrow().sentence())
                    .contains(log.newest() + " event 13 is not the one its head file recorded");
            assertThat(store.verify(log.newest()).reason())
                    .startsWith(log.newest() + " event 13 is not the one its head file recorded");
        }
        assertThat(log.bytes()).isEqualTo(damaged);
    }

    @Test
    void flippedBytesInAnEventsTextAreNamedByTheHashChain() throws Exception {
        CrashedLog log = log();
        log.flip("note 13");

        try (IncidentLogStore store = IncidentLogStore.open(log.log(), clock, "alice")) {
            assertThat(store.damage())
                    .as("nothing is missing: the newest event is the one the head file recorded")
                    .isEmpty();
            assertThat(store.verify(log.newest()).reason()).isEqualTo("event 13 was changed after it was written");
        }
    }

    @Test
    void anEmptiedFileIsAnErrorAndStaysEmpty() throws Exception {
        CrashedLog log = log();
        log.empty();

        assertThatThrownBy(() -> IncidentLogStore.open(log.log(), clock, "alice"))
                .isInstanceOf(IncidentLogUnavailableException.class)
                .hasMessageStartingWith("The incident log " + log.database()
                        + " is empty (0 bytes), though its head file says it held ")
                .hasMessageContaining(log.older() + " (3 events)")
                .hasMessageContaining(log.newest() + " (13 events)")
                .hasMessageContaining("no new log is started over it");
        assertThat(log.bytes()).isEmpty();
    }

    @Test
    void aDatabaseThatIsGoneWhileItsHeadFileRemainsIsNotReplacedByANewOne() throws Exception {
        CrashedLog log = log();
        Files.delete(log.database());

        assertThatThrownBy(() -> IncidentLogStore.open(log.log(), clock, "alice"))
                .isInstanceOf(IncidentLogUnavailableException.class)
                .hasMessageStartingWith("The incident log " + log.database() + " is missing, though its head file")
                .hasMessageContaining(log.newest() + " (13 events)");
        assertThat(log.database()).doesNotExist();
    }

    @Test
    void aDamagedHeadFileStopsTheOpeningAndSaysWhere() throws Exception {
        CrashedLog log = log();
        Path head = dir.resolve("log.head");
        List<String> lines = Files.readAllLines(head);
        int line = lines.indexOf(lines.stream()
                .filter(l -> l.startsWith(log.newest()))
                .findFirst()
                .orElseThrow());
        lines.set(line, lines.get(line).replace(" 13 ", " 1x3 "));
        Files.write(head, lines);

        assertThatThrownBy(() -> IncidentLogStore.open(log.log(), clock, "alice"))
                .isInstanceOf(IncidentLogUnavailableException.class)
                .hasMessageStartingWith("The incident log's head file " + head + " is damaged at line " + (line + 1)
                        + " (" + log.newest() + " 1x3 ");
    }

    @Test
    void aDatabaseAheadOfItsHeadFileIsNoLoss() throws Exception {
        CrashedLog log = log();
        Path head = dir.resolve("log.head");
        // a crash between a commit and the head file's update leaves the head one event behind
        String twelfth;
        try (IncidentLogStore store = IncidentLogStore.open(log.log(), clock, "alice")) {
            twelfth = store.events(log.newest()).get(11).hash();
        }
        Files.writeString(
                head,
                Files.readString(head).replaceAll(log.newest() + " 13 [0-9a-f]+", log.newest() + " 12 " + twelfth));

        try (IncidentLogStore store = IncidentLogStore.open(log.log(), clock, "alice")) {
            assertThat(store.damage()).isEmpty();
        }
    }

    @Test
    void aNewestEventOtherThanTheOneTheHeadRecordedIsNamed() throws Exception {
        CrashedLog log = log();
        Path head = dir.resolve("log.head");
        Files.writeString(
                head,
                Files.readString(head)
                        .replaceAll(log.newest() + " 13 [0-9a-f]+", log.newest() + " 13 " + "ab".repeat(32)));

        try (IncidentLogStore store = IncidentLogStore.open(log.log(), clock, "alice")) {
            assertThat(store.damage().orElseThrow().sentence())
                    .contains(log.newest() + " event 13 is not the one its head file recorded");
        }
    }
}
