package dev.drpilot.ui;

import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.runbook.Durations;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.Step;
import dev.drpilot.timeline.EventDescriptions;
import java.time.Duration;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Notices in the window's bottom right corner, over the newest lines of the log they repeat, above
 * the note field: they cover neither the clocks, the state buttons nor the facilitator's controls,
 * for what the operator must not miss while looking
 * elsewhere: a clock breached, a long step (one expected to take a minute or more) finished.
 * Each stays 10 seconds, or until clicked.
 */
final class Notifications {

    static final Duration LONG_STEP = Duration.ofMinutes(1);
    private static final javafx.util.Duration SHOWN_FOR = javafx.util.Duration.seconds(10);

    private final VBox root = new VBox(8);

    Notifications() {
        root.setId("notifications");
        root.setAlignment(Pos.BOTTOM_RIGHT);
        root.setPadding(new Insets(16, 24, 112, 16));
        root.setPickOnBounds(false);
        root.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    Parent root() {
        return root;
    }

    /** What to say of an event, if it is worth interrupting for. */
    static Optional<Notice> noticeFor(IncidentEvent event, Runbook runbook) {
        var payload = EventDescriptions.payload(event);
        if (event.kind() == EventKind.CLOCK_BREACH) {
            return Optional.of(new Notice("Clock breached: " + payload.get("clock") + ". " + payload.get("detail"), true));
        }
        if ((event.kind() == EventKind.STEP_SUCCEEDED || event.kind() == EventKind.STEP_FAILED) && event.stepId() != null) {
            Optional<Step> step = runbook.step(event.stepId());
            if (step.isPresent() && step.get().expect() != null && step.get().expect().compareTo(LONG_STEP) >= 0) {
                boolean ok = event.kind() == EventKind.STEP_SUCCEEDED;
                return Optional.of(new Notice((ok ? "Done: " : "Failed: ") + step.get().title()
                        + " (expected about " + Durations.human(step.get().expect()) + ")", !ok));
            }
        }
        return Optional.empty();
    }

    record Notice(String text, boolean bad) {
    }

    void show(Notice notice) {
        Label label = new Label(notice.text());
        label.getStyleClass().addAll("notification", "elevated-2", notice.bad() ? "bg-danger-subtle" : "bg-success-subtle");
        label.setWrapText(true);
        label.setMaxWidth(420);
        label.setPadding(new Insets(12));
        label.setOnMouseClicked(e -> root.getChildren().remove(label));
        root.getChildren().add(label);
        PauseTransition hide = new PauseTransition(SHOWN_FOR);
        hide.setOnFinished(e -> root.getChildren().remove(label));
        hide.play();
    }
}
