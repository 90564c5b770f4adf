package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

/** The settings screen's logic without a screen: the settings edited, and who AWS says the operator is. */
class SettingsModelTest {

    private final UiSettings saved = new UiSettings("prod", "us-west-2", "", "druid-prod", "/srv/drpilot/log", "");

    @Test
    void editsTheSavedSettingsAndReturnsThemWithBlanksMeaningTheEnvironment() {
        SettingsModel model = new SettingsModel(saved, () -> "unused", new SameThreadTaskRunner());
        assertThat(model.awsProfile().get()).isEqualTo("prod");
        assertThat(model.edited()).isEqualTo(saved);

        model.awsRegion().set("  us-east-1 ");
        model.awsEndpoint().set("http://localhost:5000");
        model.awsProfile().set("   ");
        assertThat(model.edited())
                .isEqualTo(
                        new UiSettings("", "us-east-1", "http://localhost:5000", "druid-prod", "/srv/drpilot/log", ""));
    }

    @Test
    void theTeamLogsUrlIsEditedAndKeptWithTheOtherSettings() throws Exception {
        SettingsModel model = new SettingsModel(saved, () -> "unused", new SameThreadTaskRunner());
        assertThat(model.teamLog().get()).isEmpty();
        model.teamLog().set(" jdbc:postgresql://team-db.example.com:5432/drpilot?user=alice ");
        UiSettings edited = model.edited();
        assertThat(edited.teamLog()).isEqualTo("jdbc:postgresql://team-db.example.com:5432/drpilot?user=alice");

        Preferences node = Preferences.userRoot()
                .node("drpilot-settings-test-" + ProcessHandle.current().pid());
        try {
            edited.save(node);
            assertThat(UiSettings.load(node)).isEqualTo(edited);
        } finally {
            node.removeNode();
        }
    }

    @Test
    void saysWhoTheStepsWouldActAsOrWhyAwsCouldNotTell() {
        SettingsModel model =
                new SettingsModel(saved, () -> "arn:aws:iam::123456789012:user/alice", new SameThreadTaskRunner());
        assertThat(model.identity().get()).isEmpty();
        model.checkIdentity();
        assertThat(model.identity().get()).isEqualTo("arn:aws:iam::123456789012:user/alice");

        SettingsModel unreachable = new SettingsModel(
                saved,
                () -> {
                    throw new IllegalStateException("the profile prod has no credentials: run aws configure");
                },
                new SameThreadTaskRunner());
        unreachable.checkIdentity();
        assertThat(unreachable.identity().get()).isEqualTo("the profile prod has no credentials: run aws configure");
    }
}
