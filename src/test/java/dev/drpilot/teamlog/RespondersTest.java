package dev.drpilot.teamlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.timeline.EventDescriptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Responders of one incident on a real PostgreSQL: three laptops see each other, join, leave, hand over, go silent. */
class RespondersTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static final Duration SOON = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final Writer alice = new Writer("alice", "laptop-a");
    private final Writer bob = new Writer("bob", "laptop-b");
    private final Writer carol = new Writer("carol", "laptop-c");

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : open.reversed()) closeable.close();
        threads.shutdownNow();
    }

    private <T extends AutoCloseable> T opened(T closeable) {
        open.add(closeable);
        return closeable;
    }

    private Responders responders() {
        return new Responders(opened(new TeamLogStore(POSTGRES.database())));
    }

    private List<TeamEvent> following(String incidentId, Writer writer) {
        List<TeamEvent> seen = new CopyOnWriteArrayList<>();
        opened(TeamLogListener.start(POSTGRES.database(), incidentId, writer.laptop(), 0, seen::add, threads));
        return seen;
    }

    /** What a laptop shows of another's event: who, and what. */
    private static List<String> lines(List<TeamEvent> events) {
        return events.stream()
                .map(e -> e.writer().responder() + ": " + EventDescriptions.describe(e.event()))
                .toList();
    }

    private static List<Long> mergedOrders(List<TeamEvent> events) {
        return events.stream().map(TeamEvent::mergedOrder).toList();
    }

    @Test
    void threeLaptopsOnOneIncidentEachSeeTheOthersEventsWithTheirNamesInOneMergedOrder() {
        IncidentLogStore log = opened(IncidentLogStore.open(dir.resolve("alice"), Clock.systemUTC(), "alice"));
        Incident incident = log.declare(
                new NewIncident(
                        "druid-rds-corruption", "RDS metadata corruption", IncidentMode.LIVE, "SEV1", "alice", null),
                Map.of());
        String id = incident.id();
        TeamLogStore aliceTeam = opened(new TeamLogStore(POSTGRES.database()));
        Outbox aliceOutbox = new Outbox(log, aliceTeam, alice);
        List<TeamEvent> seenByAlice = following(id, alice);
        List<TeamEvent> seenByBob = following(id, bob);
        List<TeamEvent> seenByCarol = following(id, carol);
        TeamLogStore bobTeam = opened(new TeamLogStore(POSTGRES.database()));
        TeamLogStore carolTeam = opened(new TeamLogStore(POSTGRES.database()));
        TestChain bobsNotes = new TestChain(id, "bob");
        TestChain carolsNotes = new TestChain(id, "carol");

        new Responders(aliceTeam).join(id, alice, Role.COMMANDER);
        aliceOutbox.push(id);
        new Responders(bobTeam).join(id, bob, Role.OPERATOR);
        new Responders(carolTeam).join(id, carol, Role.SCRIBE);
        bobTeam.append(bob, List.of(bobsNotes.note("the replica is lagging")));
        log.append(id, new EventData.Note("failing over to us-west-2"), null);
        aliceOutbox.push(id);
        carolTeam.append(carol, List.of(carolsNotes.note("customers told")));

        List<TeamEvent> all = aliceTeam.events(id);
        await().atMost(SOON).until(() -> seenByAlice.size() + seenByBob.size() + seenByCarol.size() == 2 * all.size());
        assertThat(seenByAlice).isEqualTo(othersOf(all, alice));
        assertThat(seenByBob).isEqualTo(othersOf(all, bob));
        assertThat(seenByCarol).isEqualTo(othersOf(all, carol));
        assertThat(mergedOrders(seenByBob)).isSorted();
        assertThat(lines(seenByAlice))
                .containsExactly(
                        "bob: bob joined as operator",
                        "carol: carol joined as scribe",
                        "bob: Note: the replica is lagging",
                        "carol: Note: customers told");
        assertThat(lines(seenByCarol))
                .startsWith("alice: alice joined as commander")
                .contains("bob: Note: the replica is lagging", "alice: Note: failing over to us-west-2");
        assertThat(aliceTeam.verify(id).intact()).isTrue();
    }

    private static List<TeamEvent> othersOf(List<TeamEvent> all, Writer laptop) {
        return all.stream()
                .filter(e -> !e.writer().machine().equals(laptop.laptop()))
                .toList();
    }

    @Test
    void respondersJoinAndLeaveAndAreSeenWhileTheirHeartbeatLasts() {
        Responders team = responders();
        String id = "INC-20261130-1500-a1b2";

        Presence alicePresence = Presence.join(team, id, alice, Role.COMMANDER);
        Presence bobPresence = Presence.join(team, id, bob, Role.OBSERVER);
        assertThat(team.of(id))
                .extracting(Responder::name, Responder::role, Responder::presence)
                .containsExactly(tuple("alice", Role.COMMANDER, "present"), tuple("bob", Role.OBSERVER, "present"));

        bobPresence.close();
        List<Responder> after = team.of(id);
        assertThat(after)
                .extracting(Responder::name, Responder::presence)
                .containsExactly(tuple("alice", "present"), tuple("bob", "left"));
        assertThat(after.get(1).leftAt()).isNotNull();
        var aliceSeen = after.getFirst().lastSeenAt();
        await().atMost(SOON).until(() -> team.of(id).getFirst().lastSeenAt().isAfter(aliceSeen));
        assertThat(new TeamLogStore(POSTGRES.database()).events(id))
                .extracting(e -> e.writer().responder(), e -> e.event().kind())
                .containsExactly(
                        tuple("alice", EventKind.RESPONDER_JOINED),
                        tuple("bob", EventKind.RESPONDER_JOINED),
                        tuple("bob", EventKind.RESPONDER_LEFT));
        alicePresence.close();
    }

    @Test
    void aResponderWhoseHeartbeatStopsShowsAsGoneWhileOneWithAHeartbeatStaysPresent() {
        Responders team = responders();
        String id = "INC-20261130-1510-c3d4";
        opened(Presence.join(team, id, alice, Role.COMMANDER));
        team.join(id, carol, Role.SCRIBE); // carol's laptop joined, then vanished: no heartbeat ever follows

        await().atMost(Responder.GONE_AFTER.multipliedBy(3))
                .until(() -> team.of(id).get(1).presence().equals("gone"));
        assertThat(team.of(id))
                .extracting(Responder::name, Responder::presence)
                .containsExactly(tuple("alice", "present"), tuple("carol", "gone"));
    }

    @Test
    void handingOverCommandIsAnEventAndChangesTheRoles() {
        Responders team = responders();
        String id = "INC-20261130-1520-e5f6";
        team.join(id, alice, Role.COMMANDER);
        team.join(id, bob, Role.OPERATOR);

        assertThatThrownBy(() -> team.handOver(id, bob, "alice"))
                .hasMessage("bob is not the commander of " + id + ": only the commander hands command over.");
        assertThatThrownBy(() -> team.handOver(id, alice, "dave"))
                .hasMessage("dave is not on " + id + ": they join it first (drpilot join " + id + ").");
        team.handOver(id, alice, "bob");

        assertThat(team.of(id))
                .extracting(Responder::name, Responder::role)
                .containsExactly(tuple("alice", Role.OPERATOR), tuple("bob", Role.COMMANDER));
        List<TeamEvent> events = new TeamLogStore(POSTGRES.database()).events(id);
        assertThat(events.getLast().writer().label()).isEqualTo("alice (laptop-a.roster)");
        assertThat(events.getLast().event().data()).isEqualTo(new EventData.CommandHandedOver("alice", "bob"));
        assertThat(EventDescriptions.describe(events.getLast().event())).isEqualTo("alice handed command to bob");
        team.handOver(id, bob, "alice");
        assertThat(team.of(id)).extracting(Responder::role).containsExactly(Role.COMMANDER, Role.OPERATOR);
    }
}
