package dev.drpilot.ui;

import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings screen's state: the six settings as the operator edits them, and the identity AWS
 * says the steps would act as, asked off the screen's thread.
 */
final class SettingsModel {

    private final StringProperty awsProfile = new SimpleStringProperty();
    private final StringProperty awsRegion = new SimpleStringProperty();
    private final StringProperty awsEndpoint = new SimpleStringProperty();
    private final StringProperty kubeContext = new SimpleStringProperty();
    private final StringProperty logLocation = new SimpleStringProperty();
    private final StringProperty teamLog = new SimpleStringProperty();
    private final ReadOnlyStringWrapper identity = new ReadOnlyStringWrapper("");
    private final Supplier<String> whoAmI;
    private final TaskRunner tasks;

    SettingsModel(UiSettings current, Supplier<String> whoAmI, TaskRunner tasks) {
        this.whoAmI = whoAmI;
        this.tasks = tasks;
        awsProfile.set(current.awsProfile());
        awsRegion.set(current.awsRegion());
        awsEndpoint.set(current.awsEndpoint());
        kubeContext.set(current.kubeContext());
        logLocation.set(current.logLocation());
        teamLog.set(current.teamLog());
    }

    StringProperty awsProfile() {
        return awsProfile;
    }

    StringProperty awsRegion() {
        return awsRegion;
    }

    StringProperty awsEndpoint() {
        return awsEndpoint;
    }

    StringProperty kubeContext() {
        return kubeContext;
    }

    StringProperty logLocation() {
        return logLocation;
    }

    StringProperty teamLog() {
        return teamLog;
    }

    /** Who AWS says the operator is, what went wrong asking, or that the question is on its way. */
    ReadOnlyStringProperty identity() {
        return identity.getReadOnlyProperty();
    }

    /** Asks AWS (STS) who the steps would act as. */
    void checkIdentity() {
        identity.set("Asking AWS...");
        tasks.run(whoAmI, identity::set, identity::set);
    }

    /** The settings as edited, blanks meaning "as the environment says". */
    UiSettings edited() {
        return new UiSettings(
                awsProfile.get(),
                awsRegion.get(),
                awsEndpoint.get(),
                kubeContext.get(),
                logLocation.get(),
                teamLog.get());
    }
}
