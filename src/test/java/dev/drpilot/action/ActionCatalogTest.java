package dev.drpilot.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActionCatalogTest {

    @Test
    void everyShippedActionIsFoundByAFreshCatalogueThatReadsOnlyItsFile() {
        List<String> ids =
                ActionCatalog.builtIn().all().stream().map(ActionContract::id).toList();

        assertThat(ids).hasSizeGreaterThan(60).doesNotHaveDuplicates();
        for (String id : ids) {
            assertThat(ActionCatalog.builtIn().find(id))
                    .as("%s, looked for in catalog/%s.yaml", id, ActionCatalog.fileOf(id))
                    .hasValueSatisfying(contract -> assertThat(contract.id()).isEqualTo(id));
        }
    }

    @Test
    void theOrderOfEveryContractDoesNotDependOnWhichFileWasReadFirst() {
        ActionCatalog readInOrder = ActionCatalog.builtIn();
        List<String> expected =
                readInOrder.all().stream().map(ActionContract::id).toList();
        ActionCatalog readFromTheEnd = ActionCatalog.builtIn();
        readFromTheEnd.find("process.gitTag");
        readFromTheEnd.find("k8s.pods.delete");

        assertThat(readFromTheEnd.all().stream().map(ActionContract::id)).containsExactlyElementsOf(expected);
        assertThat(expected.getFirst()).startsWith("aws.rds.");
    }

    @Test
    void anUnknownOrMistypedIdIsNotFoundAndItsNearestKnownIdsAreNamed() {
        ActionCatalog catalog = ActionCatalog.builtIn();

        assertThat(catalog.find("aws.rds.no-such-thing")).isEmpty();
        assertThat(catalog.find("dns.nope")).isEmpty();
        assertThat(catalog.find(null)).as("a manual step's action").isEmpty();
        assertThat(catalog.closest("k8s.pods.delte", 3)).contains("k8s.pods.delete");
    }
}
