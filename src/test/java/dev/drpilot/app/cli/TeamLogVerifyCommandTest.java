package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.Main;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.teamlog.Outbox;
import dev.drpilot.teamlog.PostgresServer;
import dev.drpilot.teamlog.TeamLogStore;
import dev.drpilot.teamlog.TeamLogTampering;
import dev.drpilot.teamlog.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `drpilot verify INC --team-log URL` against a real PostgreSQL whose rows a superuser changed,
 * removed or moved in the merged order, with the append-only trigger off: the sentence names the
 * event and the laptop.
 */
class TeamLogVerifyCommandTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @TempDir
    Path dir;

    /** A laptop of this test's own: incidents declared in one minute on two laptops may have one id. */
    private final String laptop = "laptop-" + UUID.randomUUID().toString().substring(0, 8);

    private record Run(int status, String out, String err) {}

    private Run verify(String incidentId) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Duser.home=" + dir,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "verify",
                incidentId,
                "--team-log",
                POSTGRES.url() + "?user=" + PostgresServer.USER));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(POSTGRES.environment());
        Process child = builder.start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(
                child.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** An incident of three events, all in the team log as this test's laptop's. */
    private String sharedIncident() {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
                TeamLogStore team = new TeamLogStore(POSTGRES.database())) {
            Incident incident = log.declare(
                    new NewIncident(
                            "druid-rds-corruption",
                            "RDS metadata corruption",
                            IncidentMode.LIVE,
                            "SEV1",
                            "alice",
                            null),
                    Map.of());
            log.append(incident.id(), new EventData.Note("restore started"), null);
            log.append(incident.id(), new EventData.Note("restore finished"), null);
            assertThat(new Outbox(log, team, new Writer("alice", laptop))
                            .push(incident.id())
                            .online())
                    .isTrue();
            return incident.id();
        }
    }

    private String row(String incidentId, int sequence) {
        return " WHERE incident_id = '" + incidentId + "' AND laptop_id = '" + laptop + "' AND writer_sequence = "
                + sequence;
    }

    @Test
    void anIntactIncidentSaysHowManyWritersAndEvents() throws Exception {
        String incidentId = sharedIncident();

        Run run = verify(incidentId);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(incidentId + ": 1 writer, 3 events, intact" + System.lineSeparator());
    }

    @Test
    void aChangedEventIsNamedWithItsLaptop() throws Exception {
        String incidentId = sharedIncident();
        TeamLogTampering.asSuperuser(
                POSTGRES,
                "UPDATE team_events SET payload = '{\"text\":\"restore never started\"}'" + row(incidentId, 2));

        Run run = verify(incidentId);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo(incidentId + ": the chain of alice (" + laptop
                        + ") is broken: event 2 was changed after it was" + " written" + System.lineSeparator());
    }

    @Test
    void aRemovedEventIsMissing() throws Exception {
        String incidentId = sharedIncident();
        TeamLogTampering.asSuperuser(POSTGRES, "DELETE FROM team_events" + row(incidentId, 2));

        Run run = verify(incidentId);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo(incidentId + ": the chain of alice (" + laptop
                        + ") is broken: event 2 is missing (event 3 comes" + " next)" + System.lineSeparator());
    }

    @Test
    void anEventMovedInTheMergedOrderIsOutOfOrder() throws Exception {
        String incidentId = sharedIncident();
        TeamLogTampering.asSuperuser(
                POSTGRES,
                "UPDATE team_events SET merged_order = nextval('team_events_merged_order_seq')" + row(incidentId, 2));

        Run run = verify(incidentId);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo(incidentId + ": the chain of alice (" + laptop
                        + ") is broken: event 2 is out of order: it comes" + " after event 3 in the merged order"
                        + System.lineSeparator());
    }

    @Test
    void anIncidentTheTeamLogDoesNotHoldIsSaidSo() throws Exception {
        Run run = verify("INC-20261130-0300-0000");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("no events of INC-20261130-0300-0000 in the team log at 127.0.0.1:" + POSTGRES.port()
                        + "/postgres as drpilot" + System.lineSeparator());
    }
}
