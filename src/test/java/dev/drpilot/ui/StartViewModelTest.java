package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.engine.TestClock;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start screen's logic without a screen, on a real H2 log: the list, its headline, what is offered. */
class StartViewModelTest {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-24T03:00:00Z"));
    private final StartViewModel model = new StartViewModel(new SameThreadTaskRunner(), clock);
    private IncidentLogStore log;

    @BeforeEach
    void open() {
        log = IncidentLogStore.open(dir.resolve("log"), clock, "alice");
    }

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void nothingCanBeStartedBeforeTheLogIsRead() {
        assertThat(model.status().get()).isEqualTo("Opening the incident log...");
        assertThat(model.canStart().get()).isFalse();
        model.logUnavailable("the folder /srv/log cannot be written");
        assertThat(model.status().get())
                .isEqualTo("The incident log cannot be opened: the folder /srv/log cannot be written");
    }

    @Test
    void anEmptyLogOffersTheSample() {
        model.load(log);
        assertThat(model.status().get()).isEqualTo("No incident open");
        assertThat(model.canStart().get()).isTrue();
        assertThat(model.firstRun().get()).isTrue();
        assertThat(model.unfinished().get()).isNull();
        assertThat(model.proposed().get()).isNull();
    }

    @Test
    void liveIncidentsComeBeforeRehearsalsAndOpenOnesBeforeClosedOnesWithTheirRunningTimes() {
        Incident closedLive = declare("db-restore", IncidentMode.LIVE);
        log.life().close(closedLive.id(), "restored");
        clock.advance(Duration.ofMinutes(1));
        Incident rehearsal = declare("drill", IncidentMode.REHEARSAL);
        clock.advance(Duration.ofMinutes(1));
        Incident live = declare("region-down", IncidentMode.LIVE);
        clock.advance(Duration.ofMinutes(5));

        model.load(log);

        assertThat(model.incidents())
                .extracting(Incident::id)
                .containsExactly(live.id(), closedLive.id(), rehearsal.id());
        assertThat(model.status().get())
                .isEqualTo("1 live incident(s) and 1 rehearsal(s) not closed: select one and resume it");
        assertThat(model.firstRun().get()).isFalse();
        assertThat(model.unfinished().get()).extracting(Incident::id).isEqualTo(live.id());
        assertThat(StartViewModel.unfinishedText(model.unfinished().get()))
                .isEqualTo("Unfinished: region-down (" + live.id()
                        + "), declared 2026-11-24 03:02 UTC: its steps and clocks are in the log.");
        assertThat(model.proposed().get()).extracting(Incident::id).isEqualTo(live.id());
        assertThat(model.time(model.incidents().getFirst())).isEqualTo("00:05:00");
        assertThat(model.time(model.incidents().get(1))).startsWith("lasted ");
        assertThat(StartViewModel.mode(model.incidents().get(2))).isEqualTo("rehearsal");
    }

    private Incident declare(String title, IncidentMode mode) {
        return log.declare(new NewIncident(title, title, mode, null, null, null), Map.of());
    }
}
