package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ActionsDocTest {

    @Test
    void docsActionsMdIsTheCataloguesOwnOutput() throws Exception {
        String generated = ActionsCommand.markdown(ActionCatalog.builtIn());

        assertThat(Files.readString(Path.of("docs/actions.md")))
                .as(
                        "docs/actions.md is stale: regenerate it with `java -jar target/drpilot.jar actions > docs/actions.md`")
                .isEqualTo(generated);
    }
}
