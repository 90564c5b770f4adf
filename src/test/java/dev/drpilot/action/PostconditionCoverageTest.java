package dev.drpilot.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every action whose API call changes something declares the post-condition it reads back
 * before it reports success; the engine fails a step whose action proves nothing.
 */
class PostconditionCoverageTest {

    /** API calls that change the world, by the words the catalogue uses for them. */
    private static final Pattern CHANGES = Pattern.compile(
            "\\b(Create|Delete|Put|Update|Modify|Restore|Copy|Publish|Change|Export|BatchWrite|PATCH|POST|DELETE|runs git|writes)\\w*");
    /** Changes whose effect DR Pilot cannot read back here, and why. */
    private static final Map<String, String> EXEMPT = Map.of(
            "process.cdkDeploy",
            "its read-back is CloudFormation's stack state, which the deploy's own output reports");

    /** Reads that the API sends as a POST (a filter in the body): they change nothing. */
    private static final Map<String, String> READS =
            Map.of("http.druid.segmentCount", "Druid lists the used segments over intervals given in a POST body");

    @Test
    void everyActionThatChangesSomethingSaysWhatItReadsBack() {
        List<String> missing = ActionCatalog.builtIn().all().stream()
                .filter(c -> CHANGES.matcher(c.api()).find() && !READS.containsKey(c.id()) || c.destructive())
                .filter(c -> !c.changesState() && !EXEMPT.containsKey(c.id()))
                .map(ActionContract::id)
                .toList();
        assertThat(missing).isEmpty();
        assertThat(ActionCatalog.builtIn().all().stream()
                        .filter(ActionContract::changesState)
                        .count())
                .isGreaterThanOrEqualTo(35);
    }
}
