package dev.drpilot.ui;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Where DR Pilot acts and writes: AWS profile, region and endpoint, Kubernetes context, the log's
 * location, the team log's URL. "Check who I am" asks AWS (STS) and shows the identity the steps would act as.
 */
final class SettingsView {

    private final VBox root = new VBox(12);
    private final TextField profile = field("settings-aws-profile", "as AWS_PROFILE says (default profile)");
    private final TextField region = field("settings-aws-region", "as AWS_REGION says (us-west-2)");
    private final TextField endpoint =
            field("settings-aws-endpoint", "none: the real AWS (or http://localhost:5000 for an emulator)");
    private final TextField context = field("settings-kube-context", "the kubeconfig's current context");
    private final TextField log = field("settings-log", "the per-user data folder");
    private final TextField teamLog =
            field("settings-team-log", "none: this laptop's log only (jdbc:postgresql://HOST:5432/drpilot?user=NAME)");
    private final Label identity = new Label();

    SettingsView(SettingsModel model, Consumer<UiSettings> onSave, Runnable onBack) {
        Label title = new Label("Settings");
        title.getStyleClass().add("title-3");
        profile.textProperty().bindBidirectional(model.awsProfile());
        region.textProperty().bindBidirectional(model.awsRegion());
        endpoint.textProperty().bindBidirectional(model.awsEndpoint());
        context.textProperty().bindBidirectional(model.kubeContext());
        log.textProperty().bindBidirectional(model.logLocation());
        teamLog.textProperty().bindBidirectional(model.teamLog());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label("AWS profile"), profile);
        grid.addRow(1, new Label("AWS region"), region);
        grid.addRow(2, new Label("AWS endpoint override"), endpoint);
        grid.addRow(3, new Label("Kubernetes context"), context);
        grid.addRow(4, new Label("Incident log"), log);
        grid.addRow(5, new Label("Team log (PostgreSQL)"), teamLog);
        identity.setId("settings-identity");
        identity.setWrapText(true);
        Button check = new Button("Check who I am");
        check.setId("settings-check-identity");
        identity.textProperty().bind(model.identity());
        check.setOnAction(e -> model.checkIdentity());
        Button back = new Button("Back");
        back.setId("settings-back");
        back.setOnAction(e -> onBack.run());
        Button save = new Button("Save and reconnect");
        save.setId("settings-save");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> onSave.accept(model.edited()));
        HBox buttons = new HBox(12, back, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        Label note = new Label(
                "Credentials stay where the AWS CLI and kubectl keep them (~/.aws, your kubeconfig), and the team log's"
                        + " password in PGPASSWORD or ~/.pgpass: DR Pilot never stores a secret.");
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        root.getChildren().addAll(title, grid, new HBox(12, check, identity), note, buttons);
        root.setPadding(new Insets(24));
        root.setId("settings-view");
    }

    Parent root() {
        return root;
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(40);
        return field;
    }
}
