package dev.drpilot.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocatedYamlTest {

    @Test
    void knowsTheLineAndColumnOfEveryKeyAndListItem() throws Exception {
        LocatedYaml yaml = LocatedYaml.parse("""
                id: x
                steps:
                  - id: a
                    with: { source: db }
                  - id: b
                """);

        assertThat(yaml.positionOf("/id")).isEqualTo(new SourcePosition(1, 1));
        assertThat(yaml.positionOf("/steps/0/with/source")).isEqualTo(new SourcePosition(4, 13));
        assertThat(yaml.positionOf("/steps/1")).isEqualTo(new SourcePosition(5, 5));
        assertThat(yaml.positionOf("/steps/1/missing/deeper")).isEqualTo(new SourcePosition(5, 5));
    }

    @Test
    void aDuplicateKeyIsASyntaxErrorWithItsLine() {
        assertThatThrownBy(() -> LocatedYaml.parse("id: a\ntitle: b\nid: c\n"))
                .isInstanceOfSatisfying(
                        LocatedYaml.YamlSyntaxException.class,
                        e -> assertThat(e.position().line()).isEqualTo(3));
    }
}
