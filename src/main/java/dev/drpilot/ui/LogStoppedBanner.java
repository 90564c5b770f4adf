package dev.drpilot.ui;

import dev.drpilot.incident.IncidentLogView;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Says, the moment a write fails, that the log stopped taking writes (a full disk, a failing one)
 * and what was not written, and offers to go on in another folder: the operator picks it, the log
 * does the rest ({@link IncidentLogView#continueIn}) and the banner says what was copied and written.
 * It stays until then, on every screen.
 */
final class LogStoppedBanner {

    private final Label text = new Label();
    private final Button continueElsewhere = new Button("Continue in another folder\u2026");
    private final HBox root = new HBox(12, text, continueElsewhere);
    private final TaskRunner tasks;
    private final Supplier<Optional<Path>> askFolder;
    private IncidentLogView log;

    /** {@code askFolder} asks the operator for a folder (a directory chooser in the window); empty when they cancel. */
    LogStoppedBanner(TaskRunner tasks, Supplier<Optional<Path>> askFolder) {
        this.tasks = tasks;
        this.askFolder = askFolder;
        text.setId("log-stopped-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        continueElsewhere.setId("continue-elsewhere");
        continueElsewhere.getStyleClass().add("accent");
        continueElsewhere.setMinWidth(Region.USE_PREF_SIZE);
        continueElsewhere.setOnAction(e -> askFolder.get().ifPresent(this::continueIn));
        root.setId("log-stopped");
        root.getStyleClass().add("bg-danger-subtle");
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(8, 16, 8, 16));
        hide();
    }

    Node root() {
        return root;
    }

    /** Watches {@code watched} for a write that stops it; a new log (new settings) starts with no banner. */
    void watch(IncidentLogView watched) {
        log = watched;
        hide();
        watched.whenStopped(message -> tasks.onScreen(() -> {
            if (log == watched) show(message);
        }));
    }

    private void show(String message) {
        text.setText(message);
        continueElsewhere.setDisable(false);
        continueElsewhere.setVisible(true);
        root.setVisible(true);
        root.setManaged(true);
    }

    private void continueIn(Path folder) {
        continueElsewhere.setDisable(true);
        IncidentLogView moving = log;
        tasks.run(
                () -> moving.continueIn(folder),
                report -> {
                    text.setText(String.join(" ", report.lines()));
                    continueElsewhere.setVisible(false);
                    text.setOnMouseClicked(e -> hide());
                },
                problem -> {
                    text.setText(problem);
                    continueElsewhere.setDisable(false);
                });
    }

    private void hide() {
        root.setVisible(false);
        root.setManaged(false);
        text.setOnMouseClicked(null);
    }
}
