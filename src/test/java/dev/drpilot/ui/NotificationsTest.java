package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What interrupts the operator: a breached clock, and a long step's end; not every step. */
class NotificationsTest {

    private final Runbook rds = new RunbookLoader(ActionCatalog.builtIn())
            .load(List.of(Path.of("runbooks/druid-rds-corruption.yaml")))
            .runbooks()
            .getFirst();

    private static IncidentEvent event(EventKind kind, String step, String payload) {
        return new IncidentEvent(
                "INC-1", 7, Instant.parse("2026-11-25T03:30:00Z"), kind, "alice", step, payload, null, null, "", "");
    }

    @Test
    void aLongStepsEndAndABreachAreNoticedAShortStepIsNot() {
        assertThat(Notifications.noticeFor(event(EventKind.STEP_SUCCEEDED, "wait", "{}"), rds))
                .hasValueSatisfying(n -> {
                    assertThat(n.text())
                            .isEqualTo("Done: Wait for the restored instance (10-20 minutes) (expected about 20 min)");
                    assertThat(n.bad()).isFalse();
                });
        assertThat(Notifications.noticeFor(event(EventKind.STEP_FAILED, "wait-rollout", "{}"), rds))
                .hasValueSatisfying(n -> {
                    assertThat(n.text()).startsWith("Failed: Wait until the restarted pods are Ready");
                    assertThat(n.bad()).isTrue();
                });
        assertThat(Notifications.noticeFor(event(EventKind.STEP_SUCCEEDED, "restore", "{}"), rds))
                .isEmpty();
        assertThat(Notifications.noticeFor(
                        event(
                                EventKind.CLOCK_BREACH,
                                null,
                                "{\"clock\":\"RTO\",\"detail\":\"60 min passed before recovery\"}"),
                        rds))
                .hasValueSatisfying(
                        n -> assertThat(n.text()).isEqualTo("Clock breached: RTO. 60 min passed before recovery"));
    }
}
