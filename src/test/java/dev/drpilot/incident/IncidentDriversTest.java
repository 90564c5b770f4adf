package dev.drpilot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.timeline.EventDescriptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who drives an incident, as logs opened on one file (each a seat of its own) see it: claims, heartbeats, take-overs. */
class IncidentDriversTest {

    private static final Instant START = Instant.parse("2026-11-24T03:00:00Z");

    @TempDir
    Path dir;

    private IncidentLogStore open(String who, Duration after) {
        return IncidentLogStore.open(dir.resolve("log"), Clock.fixed(START.plus(after), ZoneOffset.UTC), who);
    }

    @Test
    void aLiveClaimIsKeptFromOthersUntilItsHeartbeatLapsesThenItIsTakenWithoutAskingAndLogged() {
        try (IncidentLogStore alice = open("alice", Duration.ZERO);
                IncidentLogStore bob = open("bob", Driver.STALE_AFTER.minusSeconds(1));
                IncidentLogStore carol = open("carol", Driver.STALE_AFTER.plusSeconds(1))) {
            String id = alice.declare(
                            new NewIncident("recovery-checklist", "checklist", IncidentMode.LIVE, null, null, null),
                            Map.of())
                    .id();
            assertThat(alice.drivers().claim(id, false).held()).isTrue();

            Claim refused = bob.drivers().claim(id, false);

            assertThat(refused.held()).isFalse();
            assertThat(refused.live()).isTrue();
            assertThat(refused.previous().seat().label())
                    .startsWith("alice on ")
                    .endsWith("(pid " + ProcessHandle.current().pid() + ")");
            assertThat(alice.drivers().claim(id, false).held())
                    .as("still alice's")
                    .isTrue();

            Claim taken = carol.drivers().claim(id, false);

            assertThat(taken.held()).isTrue();
            assertThat(taken.live()).isFalse();
            assertThat(EventDescriptions.describe(taken.takenOver()))
                    .isEqualTo(carol.drivers().seat().label() + " took over driving the incident from "
                            + alice.drivers().seat().label() + ", silent for 16 s");
            assertThat(taken.takenOver().actor()).isEqualTo("carol");
            assertThat(alice.drivers().heartbeat(id))
                    .as("alice hears she no longer drives it")
                    .isFalse();
            alice.drivers().release(id);
            assertThat(bob.drivers().driver(id))
                    .hasValueSatisfying(
                            d -> assertThat(d.seat()).isEqualTo(carol.drivers().seat()));
            carol.drivers().release(id);
            assertThat(bob.drivers().driver(id)).isEmpty();
            assertThat(bob.drivers().claim(id, false).held())
                    .as("free again: claimed, nothing to log")
                    .isTrue();
            assertThat(bob.events(id))
                    .filteredOn(e -> e.kind() == EventKind.INCIDENT_TAKEN_OVER)
                    .hasSize(1);
        }
    }

    @Test
    void aLiveDriverIsTakenOverOnlyWhenAskedAndTheLogSaysFromWhom() {
        try (IncidentLogStore alice = open("alice", Duration.ZERO);
                IncidentLogStore bob = open("bob", Duration.ofSeconds(2))) {
            String id = alice.declare(
                            new NewIncident("recovery-checklist", "checklist", IncidentMode.LIVE, null, null, null),
                            Map.of())
                    .id();
            alice.drivers().claim(id, false);

            Claim taken = bob.drivers().claim(id, true);

            assertThat(taken.held()).isTrue();
            assertThat(taken.live()).isTrue();
            assertThat(EventDescriptions.describe(taken.takenOver()))
                    .startsWith("bob on ")
                    .endsWith(" took over driving the incident from "
                            + alice.drivers().seat().label());
            assertThat(alice.drivers().claim(id, false).held()).isFalse();
        }
    }
}
