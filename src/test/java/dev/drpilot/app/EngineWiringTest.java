package dev.drpilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionContract;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EngineWiringTest {

    @Test
    void everyActionOfTheCatalogueHasExactlyOneImplementation() {
        var ids = EngineWiring.actions(new AwsClients(AwsSettings.of(null, "us-west-2", null)),
                new KubeClients(new KubeSettings(Path.of("no-kubeconfig"), null))).stream().map(Action::id).toList();

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(ActionCatalog.builtIn().all().stream().map(ActionContract::id).toList());
    }
}
