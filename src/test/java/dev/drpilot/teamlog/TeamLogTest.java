package dev.drpilot.teamlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** The team log against a real PostgreSQL: the outbox, the merged order, the listeners, an outage. */
class TeamLogTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static final Duration SOON = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : open.reversed()) closeable.close();
        threads.shutdownNow();
        POSTGRES.start();
    }

    private <T extends AutoCloseable> T opened(T closeable) {
        open.add(closeable);
        return closeable;
    }

    private IncidentLogStore localLog(String name, String who) {
        return opened(IncidentLogStore.open(dir.resolve(name), Clock.systemUTC(), who));
    }

    private static Incident declare(IncidentLogStore log) {
        return log.declare(
                new NewIncident(
                        "druid-rds-corruption", "RDS metadata corruption", IncidentMode.LIVE, "SEV1", "alice", null),
                Map.of());
    }

    private static void note(IncidentLogStore log, Incident incident, String text) {
        log.append(incident.id(), new EventData.Note(text), null);
    }

    private TeamLogStore teamLog() {
        return opened(new TeamLogStore(POSTGRES.database()));
    }

    private TeamLogListener listener(String incidentId, String laptop, List<TeamEvent> seen) {
        return opened(TeamLogListener.start(POSTGRES.database(), incidentId, laptop, 0, seen::add, threads));
    }

    private static List<Long> sequences(List<TeamEvent> events, String laptop) {
        return events.stream()
                .filter(e -> e.writer().laptop().equals(laptop))
                .map(e -> e.event().sequence())
                .toList();
    }

    private static List<Long> mergedOrders(List<TeamEvent> events) {
        return events.stream().map(TeamEvent::mergedOrder).toList();
    }

    @Test
    void pushingTwiceStoresEachEventOnce() {
        IncidentLogStore log = localLog("alice", "alice");
        Incident incident = declare(log);
        note(log, incident, "coordinator down");
        note(log, incident, "restore started");
        TeamLogStore team = teamLog();
        Writer alice = new Writer("alice", "laptop-a");
        Outbox outbox = new Outbox(log, team, alice);

        assertThat(outbox.push(incident.id()).sentence()).isEqualTo("team log: up to date");
        assertThat(outbox.push(incident.id()).online()).isTrue();
        assertThat(team.append(alice, log.events(incident.id()))).isZero();

        List<TeamEvent> stored = team.events(incident.id());
        assertThat(stored).extracting(TeamEvent::event).containsExactlyElementsOf(log.events(incident.id()));
        assertThat(stored).extracting(TeamEvent::writer).containsOnly(alice);
        assertThat(team.acknowledged(incident.id(), "laptop-a"))
                .isEqualTo(new TeamLogStore.Acknowledged(
                        3, log.events(incident.id()).getLast().hash()));
    }

    @Test
    void aLaptopsEventsKeepItsOrderAndLeaveNoGap() {
        IncidentLogStore log = localLog("alice", "alice");
        Incident incident = declare(log);
        TeamLogStore team = teamLog();
        Writer alice = new Writer("alice", "laptop-a");
        Outbox outbox = new Outbox(log, team, alice);
        for (int i = 1; i <= 20; i++) {
            note(log, incident, "note " + i);
            if (i % 3 != 0) outbox.push(incident.id()); // sometimes one event waits, sometimes several
        }
        outbox.push(incident.id());

        assertThat(sequences(team.events(incident.id()), "laptop-a"))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 21).boxed().toList());
        note(log, incident, "after the gap");
        note(log, incident, "the one sent alone");
        assertThatThrownBy(() -> team.append(alice, log.events(incident.id(), 22)))
                .isInstanceOf(TeamLogException.class)
                .hasMessageContaining("would leave a gap: send from event 22");
        assertThat(team.events(incident.id())).hasSize(21);
    }

    @Test
    void twoWritersAreMergedInOneOrderThatEveryListenerSees() throws Exception {
        IncidentLogStore log = localLog("alice", "alice");
        Incident incident = declare(log);
        TeamLogStore aliceTeam = teamLog();
        TeamLogStore bobTeam = teamLog();
        Outbox aliceOutbox = new Outbox(log, aliceTeam, new Writer("alice", "laptop-a"));
        Writer bob = new Writer("bob", "laptop-b");
        TestChain bobsChain = new TestChain(incident.id(), "bob");
        List<TeamEvent> firstObserver = new CopyOnWriteArrayList<>();
        List<TeamEvent> secondObserver = new CopyOnWriteArrayList<>();
        List<TeamEvent> seenByAlice = new CopyOnWriteArrayList<>();
        listener(incident.id(), "observer-1", firstObserver);
        listener(incident.id(), "observer-2", secondObserver);
        listener(incident.id(), "laptop-a", seenByAlice);

        Future<?> alice = threads.submit(() -> {
            for (int i = 1; i <= 30; i++) {
                note(log, incident, "alice " + i);
                assertThat(aliceOutbox.push(incident.id()).online()).isTrue();
            }
        });
        Future<?> bobWrites = threads.submit(() -> {
            for (int i = 1; i <= 30; i++) bobTeam.append(bob, List.of(bobsChain.note("bob " + i)));
        });
        alice.get();
        bobWrites.get();

        List<TeamEvent> merged = aliceTeam.events(incident.id());
        assertThat(merged).hasSize(61);
        await().atMost(SOON)
                .until(() -> firstObserver.size() == 61 && secondObserver.size() == 61 && seenByAlice.size() == 30);
        assertThat(mergedOrders(firstObserver)).isEqualTo(mergedOrders(merged)).isEqualTo(mergedOrders(secondObserver));
        assertThat(seenByAlice).allMatch(e -> e.writer().equals(bob));
        assertThat(sequences(merged, "laptop-a"))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 31).boxed().toList());
        assertThat(sequences(merged, "laptop-b"))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
        TeamLogVerification verification = aliceTeam.verify(incident.id());
        assertThat(verification.intact()).as(verification.sentence()).isTrue();
        assertThat(verification.sentence()).isEqualTo(incident.id() + ": 2 writers, 61 events, intact");
    }

    @Test
    void anOutageLosesNothingAndDoublesNothing() throws Exception {
        IncidentLogStore log = localLog("alice", "alice");
        Incident incident = declare(log);
        note(log, incident, "before the outage");
        Outbox outbox = new Outbox(log, teamLog(), new Writer("alice", "laptop-a"));
        outbox.push(incident.id());
        List<TeamEvent> observed = new CopyOnWriteArrayList<>();
        TeamLogListener observer = listener(incident.id(), "observer", observed);
        await().atMost(SOON).until(() -> observed.size() == 2);

        POSTGRES.stop();
        for (int i = 1; i <= 3; i++) note(log, incident, "during the outage " + i);
        OutboxStatus offline = outbox.push(incident.id());
        assertThat(offline.online()).isFalse();
        assertThat(offline.sentence()).isEqualTo("team log offline, 3 events waiting");
        assertThat(offline.problem()).contains("cannot be reached").doesNotContain(POSTGRES.password());
        await().atMost(SOON).until(() -> !observer.connected());

        POSTGRES.start();
        assertThat(outbox.push(incident.id()).sentence()).isEqualTo("team log: up to date");
        await().atMost(SOON).until(() -> observed.size() >= 5);
        List<TeamEvent> stored = teamLog().events(incident.id());
        assertThat(stored).extracting(TeamEvent::event).containsExactlyElementsOf(log.events(incident.id()));
        await().atMost(SOON).until(() -> observer.lastSeen() == stored.getLast().mergedOrder());
        assertThat(mergedOrders(observed)).isEqualTo(mergedOrders(stored));
    }

    @Test
    void aCopiedLogUnderTheSameLaptopIdIsRefusedNotMerged() throws Exception {
        Incident incident;
        try (IncidentLogStore original = IncidentLogStore.open(dir.resolve("alice"), Clock.systemUTC(), "alice")) {
            incident = declare(original);
            note(original, incident, "before the copy");
        }
        for (String ending : List.of(".mv.db", ".head")) {
            Files.copy(dir.resolve("alice" + ending), dir.resolve("copy" + ending));
        }
        IncidentLogStore log = localLog("alice", "alice");
        IncidentLogStore copy = localLog("copy", "alice");
        Writer sameLaptop = new Writer("alice", "laptop-a");
        Outbox outbox = new Outbox(log, teamLog(), sameLaptop);
        Outbox copysOutbox = new Outbox(copy, teamLog(), sameLaptop);
        note(log, incident, "written by the original");
        note(copy, incident, "written by the copy");

        assertThat(outbox.push(incident.id()).online()).isTrue();
        OutboxStatus refused = copysOutbox.push(incident.id());

        assertThat(refused.sentence()).isEqualTo("team log refused this laptop's events, they are kept here");
        assertThat(refused.problem())
                .isEqualTo(
                        "The team log at " + POSTGRES.database().where() + " holds events of " + incident.id()
                                + " from laptop laptop-a that this laptop's log does not: this is not the log that wrote them, so give this laptop another id.");
        TeamLogStore team = teamLog();
        assertThatThrownBy(() -> team.append(sameLaptop, copy.events(incident.id(), 2)))
                .isInstanceOf(TeamLogException.class)
                .hasMessageContaining(
                        "already holds other events of " + incident.id() + " under the numbers of laptop laptop-a");
        note(copy, incident, "the copy goes on");
        assertThatThrownBy(() -> team.append(sameLaptop, copy.events(incident.id(), 3)))
                .isInstanceOf(TeamLogException.class)
                .hasMessageContaining(
                        "already holds other events of " + incident.id() + " under the numbers of laptop laptop-a");
        assertThat(team.events(incident.id()))
                .extracting(TeamEvent::event)
                .containsExactlyElementsOf(log.events(incident.id()));
    }

    @Test
    void aLaptopThatStartsOfflineCountsEveryLocalEventAsWaiting() throws Exception {
        IncidentLogStore log = localLog("alice", "alice");
        Incident incident = declare(log);
        note(log, incident, "one");
        note(log, incident, "two");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TeamLogDatabase nowhere = TeamLogDatabase.of(
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres",
                PostgresServer.USER,
                POSTGRES.environment(),
                dir);
        Outbox outbox = new Outbox(log, opened(new TeamLogStore(nowhere)), new Writer("alice", "laptop-a"));

        OutboxStatus status = outbox.push(incident.id());

        assertThat(status.sentence()).isEqualTo("team log offline, up to 3 events waiting");
        assertThat(status.problem())
                .startsWith("The team log at 127.0.0.1:" + closedPort + "/postgres cannot be reached")
                .doesNotContain(POSTGRES.password())
                .doesNotContain("\n");
    }

    @Test
    void aStoredEventNotifiesAnotherConnection() throws Exception {
        IncidentLogStore log = localLog("alice", "alice");
        Incident incident = declare(log);
        try (Connection other = POSTGRES.database().connect()) {
            try (Statement listen = other.createStatement()) {
                listen.execute("LISTEN " + TeamLogStore.CHANNEL);
            }
            new Outbox(log, teamLog(), new Writer("alice", "laptop-a")).push(incident.id());

            PGNotification[] received = other.unwrap(PGConnection.class).getNotifications((int) SOON.toMillis());
            assertThat(received).extracting(PGNotification::getParameter).containsExactly(incident.id());
        }
    }

    @Test
    void anEventWhoseHashIsNotItsContentIsRefusedAndNothingOfItsPushIsStored() {
        IncidentLogStore log = localLog("alice", "alice");
        Incident incident = declare(log);
        TeamLogStore team = teamLog();
        Writer alice = new Writer("alice", "laptop-a");
        new Outbox(log, team, alice).push(incident.id());
        IncidentEvent genuine = log.append(incident.id(), new EventData.Note("restore finished"), null);

        IncidentEvent forged = new IncidentEvent(
                genuine.incidentId(),
                genuine.sequence(),
                genuine.time(),
                genuine.kind(),
                genuine.actor(),
                null,
                "{\"text\":\"restore never started\"}",
                null,
                null,
                genuine.previousHash(),
                genuine.hash());
        assertThatThrownBy(() -> team.append(alice, List.of(forged)))
                .isInstanceOf(TeamLogException.class)
                .hasMessage("Event 2 of " + incident.id() + " on laptop laptop-a was changed after it was written:"
                        + " check this laptop's log with `drpilot verify " + incident.id() + "`.");
        assertThat(team.acknowledged(incident.id(), "laptop-a").sequence()).isEqualTo(1);
    }

    @Test
    void aChangedEventBreaksOnlyItsWritersChain() throws Exception {
        IncidentLogStore log = localLog("alice", "alice");
        Incident incident = declare(log);
        note(log, incident, "restore started");
        note(log, incident, "restore finished");
        TeamLogStore team = teamLog();
        new Outbox(log, team, new Writer("alice", "laptop-a")).push(incident.id());
        TestChain bobsChain = new TestChain(incident.id(), "bob");
        team.append(new Writer("bob", "laptop-b"), List.of(bobsChain.note("one"), bobsChain.note("two")));
        try (Connection connection = POSTGRES.database().connect();
                Statement update = connection.createStatement()) {
            assertThatThrownBy(() -> update.executeUpdate(
                            "UPDATE team_events SET payload = '{}' WHERE incident_id = '" + incident.id() + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }

        TeamLogTampering.asSuperuser(
                POSTGRES,
                "UPDATE team_events SET payload = '{\"text\":\"restore never started\"}'"
                        + " WHERE laptop_id = 'laptop-a' AND writer_sequence = 3 AND incident_id = '" + incident.id()
                        + "'");

        TeamLogVerification verification = team.verify(incident.id());
        assertThat(verification.writers())
                .extracting(w -> w.writer().laptop(), w -> w.chain().intact())
                .containsExactly(tuple("laptop-a", false), tuple("laptop-b", true));
        assertThat(verification.sentence())
                .isEqualTo(incident.id()
                        + ": the chain of alice (laptop-a) is broken: event 3 was changed after it was written");
    }
}
