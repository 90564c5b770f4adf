package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gap form without JavaFX running: its checks in words, the question about a past due day, the event it logs. */
class GapFormModelTest {

    /** The form's "today": 2026-06-15. */
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private IncidentLogStore log;
    private String incident;
    private GapFormModel form;

    @BeforeEach
    void open() {
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
        incident = log.declare(
                        new NewIncident(
                                "dr-drill-monthly", "Monthly DR drill", IncidentMode.REHEARSAL, "SEV3", "alice", null),
                        Map.of())
                .id();
        form = new GapFormModel(gap -> log.append(incident, gap, null), new SameThreadTaskRunner(), TODAY);
    }

    @AfterEach
    void close() {
        log.close();
    }

    private List<IncidentEvent> gaps() {
        return log.events(incident).stream()
                .filter(e -> e.kind() == EventKind.GAP_RECORDED)
                .toList();
    }

    private void fill(String text, String owner, String due, String remediation) {
        form.text().set(text);
        form.owner().set(owner);
        form.due().set(due);
        form.remediation().set(remediation);
    }

    @Test
    void aBlankGapOrOwnerIsRefusedInWordsAndNothingIsLogged() {
        fill("  ", "dave", "2026-09-30", "Delegate a test zone");
        assertThat(form.record()).isEqualTo(GapFormModel.Outcome.REFUSED);
        assertThat(form.problem().get()).isEqualTo("Not recorded: The gap is empty: say it in words.");

        form.text().set("DNS failover cannot run in the sandbox");
        form.owner().set("");
        assertThat(form.record()).isEqualTo(GapFormModel.Outcome.REFUSED);
        assertThat(form.problem().get()).isEqualTo("Not recorded: The owner is empty: say it in words.");

        form.owner().set("dave");
        form.due().set("30/09/2026");
        assertThat(form.record()).isEqualTo(GapFormModel.Outcome.REFUSED);
        assertThat(form.problem().get())
                .isEqualTo("Not recorded: The due date '30/09/2026' is not a day: give it as YYYY-MM-DD,"
                        + " for example 2026-12-31.");
        assertThat(form.recorded().get()).isFalse();
        assertThat(gaps()).isEmpty();
    }

    @Test
    void aGapIsLoggedAsDrpilotGapLogsIt() {
        fill("  DNS failover cannot run in the sandbox ", " dave ", "2026-09-30", "Delegate a test zone");

        assertThat(form.record()).isEqualTo(GapFormModel.Outcome.SENT);

        assertThat(form.recorded().get()).isTrue();
        assertThat(form.problem().get()).isEmpty();
        assertThat(gaps())
                .singleElement()
                .extracting(IncidentEvent::data)
                .isEqualTo(new EventData.GapRecorded(
                        "DNS failover cannot run in the sandbox",
                        "dave",
                        LocalDate.parse("2026-09-30"),
                        "Delegate a test zone"));
    }

    @Test
    void aDueDayAlreadyPastIsAskedAboutOnceThenLogged() {
        fill("The restore took twice its target", "db-team", "2026-06-01", "Keep a warm replica");

        assertThat(form.record()).isEqualTo(GapFormModel.Outcome.ASKS_TO_CONFIRM);
        assertThat(form.question().get())
                .isEqualTo("The due date 2026-06-01 is already past: the gap will show as OVERDUE. Record it anyway?");
        assertThat(gaps()).isEmpty();

        assertThat(form.record()).isEqualTo(GapFormModel.Outcome.SENT);
        assertThat(gaps()).hasSize(1);
        EventData.GapRecorded gap = (EventData.GapRecorded) gaps().getFirst().data();
        assertThat(IncidentViewModel.gapLine(gap, LocalDate.now(TODAY)))
                .isEqualTo(
                        "OVERDUE · due 2026-06-01 · db-team · The restore took twice its target → Keep a warm replica");
    }

    @Test
    void changingTheDueDayAsksAgain() {
        fill("The restore took twice its target", "db-team", "2026-06-01", "Keep a warm replica");
        assertThat(form.record()).isEqualTo(GapFormModel.Outcome.ASKS_TO_CONFIRM);

        form.due().set("2026-05-01");

        assertThat(form.question().get()).isEmpty();
        assertThat(form.record()).isEqualTo(GapFormModel.Outcome.ASKS_TO_CONFIRM);
        assertThat(gaps()).isEmpty();
    }

    @Test
    void aGapTheLogRefusesIsSaidAndTheFormStaysOpen() {
        log.close();
        fill("DNS failover cannot run in the sandbox", "dave", "2026-09-30", "Delegate a test zone");

        assertThat(form.record()).isEqualTo(GapFormModel.Outcome.SENT);

        assertThat(form.recorded().get()).isFalse();
        assertThat(form.problem().get()).startsWith("Not recorded: ");
        assertThat(form.sending().get()).isFalse();
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
    }
}
