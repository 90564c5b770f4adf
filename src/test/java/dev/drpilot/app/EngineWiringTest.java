package dev.drpilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionContract;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.ui.UiBackend;
import dev.drpilot.ui.UiSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineWiringTest {

    @TempDir
    Path dir;

    @Test
    void everyActionOfTheCatalogueHasExactlyOneImplementation() {
        var ids = EngineWiring.actions(new AwsClients(AwsSettings.of(null, "us-west-2", null)),
                new KubeClients(new KubeSettings(Path.of("no-kubeconfig"), null))).stream().map(Action::id).toList();

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(ActionCatalog.builtIn().all().stream().map(ActionContract::id).toList());
    }

    @Test
    void theWindowWorksOnTheLogTheCommandLineNamesOverTheSettings() {
        UiSettings settings = new UiSettings("", "us-west-2", "", "", dir.resolve("from-settings").resolve("incidents").toString());
        Path named = dir.resolve("named").resolve("incidents");

        try (UiBackend backend = EngineWiring.desktopBackend(settings, named)) {
            assertThat(backend.log().file()).isEqualTo(named);
            assertThat(backend.exportFolder()).isEqualTo(named.toAbsolutePath().getParent().resolve("exports"));
        }
        assertThat(Files.exists(dir.resolve("named").resolve("incidents.mv.db"))).isTrue();
        assertThat(Files.exists(dir.resolve("from-settings"))).isFalse();
    }
}
