package dev.drpilot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness runs kept in a real H2 log, outside any incident, chained as events are. */
class ReadinessRecordsTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC);

    private static String report(String verdict) {
        return "{\"checkedAt\":\"2026-11-24T03:00:00Z\",\"rows\":[{\"name\":\"RDS Automated backups: 30 days\","
                + "\"verdict\":\"" + verdict + "\",\"password\":\"hunter2\"}]}";
    }

    @Test
    void runsAreKeptInOrderChainedAndReadBackAfterReopeningWithoutBeingAnIncident() {
        Path file = dir.resolve("log");
        try (IncidentLogStore log = IncidentLogStore.open(file, clock, "alice")) {
            ReadinessRecord first = log.readiness().keep(Instant.parse("2026-11-24T03:00:00Z"), report("met"));
            ReadinessRecord second = log.readiness().keep(Instant.parse("2026-11-24T03:30:00Z"), report("breached"));
            assertThat(first.sequence()).isEqualTo(1);
            assertThat(first.previousHash()).isEqualTo(HashChain.GENESIS);
            assertThat(second.previousHash()).isEqualTo(first.hash());
        }
        try (IncidentLogStore log = IncidentLogStore.openToRead(file, clock, "bob")) {
            assertThat(log.readiness().all())
                    .extracting(ReadinessRecord::sequence, ReadinessRecord::actor, ReadinessRecord::checkedAt)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(1L, "alice", Instant.parse("2026-11-24T03:00:00Z")),
                            org.assertj.core.groups.Tuple.tuple(2L, "alice", Instant.parse("2026-11-24T03:30:00Z")));
            assertThat(log.readiness().all().get(1).report())
                    .contains("\"verdict\":\"breached\"")
                    .doesNotContain("hunter2");
            assertThat(log.readiness().verify().intact()).isTrue();
            assertThat(log.incidents()).isEmpty();
        }
    }

    @Test
    void aRunChangedInTheFileBreaksTheChainAtThatRun() throws Exception {
        Path file = dir.resolve("log");
        try (IncidentLogStore log = IncidentLogStore.open(file, clock, "alice")) {
            log.readiness().keep(Instant.parse("2026-11-24T03:00:00Z"), report("breached"));
            log.readiness().keep(Instant.parse("2026-11-24T03:30:00Z"), report("met"));
        }
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
                Statement edit = connection.createStatement()) {
            edit.executeUpdate(
                    "UPDATE readiness_checks SET report = REPLACE(report, 'breached', 'met') WHERE sequence = 1");
        }
        try (IncidentLogStore log = IncidentLogStore.openToRead(file, clock, "bob")) {
            HashChain.Verification chain = log.readiness().verify();
            assertThat(chain.intact()).isFalse();
            assertThat(chain.reason()).isEqualTo("readiness run 1 was changed after it was written");
        }
    }
}
