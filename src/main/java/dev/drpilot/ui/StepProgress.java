package dev.drpilot.ui;

import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.runbook.Durations;
import java.time.Duration;
import java.time.Instant;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A running step's progress: a bar that fills as the action reports, or else over the step's
 * expected time, beside the time so far against the time expected ("04:10 of about 20 min
 * expected"). Shown while the step runs or waits; its room is kept when it is hidden.
 */
final class StepProgress {

    private final ProgressBar bar = new ProgressBar(0);
    private final Label time = new Label();
    private final HBox root = new HBox(8, bar, time);

    StepProgress() {
        bar.setId("step-progress");
        bar.getStyleClass().add("large");
        bar.setMinHeight(Region.USE_PREF_SIZE);
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        time.setId("step-progress-time");
        time.setMinWidth(Region.USE_PREF_SIZE);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setVisible(false);
    }

    Node root() {
        return root;
    }

    void show(StepRun step, Instant now) {
        boolean running = step != null
                && step.startedAt() != null
                && (step.state() == StepState.RUNNING || step.state() == StepState.WAITING);
        root.setVisible(running);
        if (!running) return;
        Duration soFar = Duration.between(step.startedAt(), now);
        Duration expected = step.step().expect();
        if (step.fraction() != null) bar.setProgress(step.fraction());
        else if (expected != null) bar.setProgress(Math.min(1.0, soFar.toMillis() / (double) expected.toMillis()));
        else bar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        String clock = ClockText.of(soFar);
        time.setText(
                expected == null
                        ? clock + " so far"
                        : soFar.compareTo(expected) > 0
                                ? clock + ", longer than the " + Durations.human(expected) + " expected"
                                : clock + " of about " + Durations.human(expected) + " expected");
    }
}
