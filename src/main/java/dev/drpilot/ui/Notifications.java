package dev.drpilot.ui;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.runbook.Durations;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.Step;
import java.time.Duration;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Notices in the window's bottom right corner, over the newest lines of the log they repeat, above
 * the note field, no wider than the log: they cover neither the clocks, the state buttons nor the
 * facilitator's controls, for what the operator must not miss while looking elsewhere: a clock
 * breached, a long step (one expected to take a minute or more) finished. Each stays 10 seconds,
 * or until clicked; the newest three at most are shown.
 */
final class Notifications {

    static final Duration LONG_STEP = Duration.ofMinutes(1);
    private static final javafx.util.Duration SHOWN_FOR = javafx.util.Duration.seconds(10);
    private static final int AT_MOST = 3;
    private static final double WIDEST = 420;
    /** Of the window's width: the log's share of it, less its margins. */
    private static final double SHARE = 0.30;

    private final VBox root = new VBox(8);
    private final DoubleProperty width = new SimpleDoubleProperty(WIDEST);

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

    /** Keeps the notices as narrow as the log beside the steps in a window this wide. */
    void fitWithin(ReadOnlyDoubleProperty windowWidth) {
        width.bind(Bindings.min(WIDEST, windowWidth.multiply(SHARE)));
    }

    void clear() {
        root.getChildren().clear();
    }

    /** What to say of an event, if it is worth interrupting for. */
    static Optional<Notice> noticeFor(IncidentEvent event, Runbook runbook) {
        if (event.kind() == EventKind.CLOCK_BREACH && event.data() instanceof EventData.ClockBreach breach) {
            return Optional.of(new Notice("Clock breached: " + breach.clock() + ". " + breach.detail(), true));
        }
        if ((event.kind() == EventKind.STEP_SUCCEEDED || event.kind() == EventKind.STEP_FAILED)
                && event.stepId() != null) {
            Optional<Step> step = runbook.step(event.stepId());
            if (step.isPresent()
                    && step.get().expect() != null
                    && step.get().expect().compareTo(LONG_STEP) >= 0) {
                boolean ok = event.kind() == EventKind.STEP_SUCCEEDED;
                return Optional.of(new Notice(
                        (ok ? "Done: " : "Failed: ") + step.get().title() + " (expected about "
                                + Durations.human(step.get().expect()) + ")",
                        !ok));
            }
        }
        return Optional.empty();
    }

    record Notice(String text, boolean bad) {}

    void show(Notice notice) {
        Label label = new Label(notice.text());
        label.getStyleClass().addAll("notification", "elevated-2");
        label.setStyle("-fx-background-color: -color-bg-default, "
                + (notice.bad() ? "-color-danger-subtle" : "-color-success-subtle")
                + "; -fx-background-radius: 6; -fx-border-color: "
                + (notice.bad() ? "-color-danger-muted" : "-color-success-muted")
                + "; -fx-border-radius: 6;");
        label.setWrapText(true);
        label.maxWidthProperty().bind(width);
        label.setPadding(new Insets(12));
        label.setOnMouseClicked(e -> root.getChildren().remove(label));
        root.getChildren().add(label);
        if (root.getChildren().size() > AT_MOST) root.getChildren().removeFirst();
        PauseTransition hide = new PauseTransition(SHOWN_FOR);
        hide.setOnFinished(e -> root.getChildren().remove(label));
        hide.play();
    }
}
