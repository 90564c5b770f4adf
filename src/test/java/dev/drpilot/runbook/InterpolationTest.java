package dev.drpilot.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InterpolationTest {

    private final Map<String, Object> known =
            Map.of("dbInstance", "druid-metadata", "names", List.of("a", "b"), "wait.endpoint", "db.example.com");

    private Optional<Object> lookup(Reference ref) {
        return Optional.ofNullable(known.get(ref.isStepOutput() ? ref.stepId() + "." + ref.name() : ref.name()));
    }

    @Test
    void aWholeReferenceKeepsItsTypeAndReferencesInTextBecomeText() {
        Interpolation interpolation = Interpolation.preview(this::lookup);

        Map<String, Object> resolved = interpolation.resolveAll(Map.of(
                "names", "${names}",
                "target", "${dbInstance}-restored",
                "merge", Map.of("host", "${steps.wait.endpoint}")));

        assertThat(resolved)
                .containsEntry("names", List.of("a", "b"))
                .containsEntry("target", "druid-metadata-restored")
                .containsEntry("merge", Map.of("host", "db.example.com"));
    }

    @Test
    void aPreviewShowsUnknownValuesAsPlaceholders() {
        assertThat(Interpolation.preview(this::lookup).resolve("${restoreTime}"))
                .isEqualTo("<restoreTime>");
        assertThat(Interpolation.preview(this::lookup).resolve("${steps.restore.instance}"))
                .isEqualTo("<restore.instance>");
    }

    @Test
    void malformedReferencesSayWhatIsExpected() {
        assertThatThrownBy(() -> Reference.in("${steps.wait}")).hasMessageContaining("${steps.STEP_ID.OUTPUT}");
        assertThatThrownBy(() -> Reference.in("${a b}")).hasMessageContaining("is not a reference");
    }

    @Test
    void withParametersPutsInParameterValuesAndGivesNothingForWhatOnlyARunKnows() {
        Map<String, String> params = Map.of("dbInstance", "druid-metadata", "blank", "");
        assertThat(Interpolation.withParameters("${dbInstance}-restored", params))
                .hasValue("druid-metadata-restored");
        assertThat(Interpolation.withParameters("api.example.com", params)).hasValue("api.example.com");
        assertThat(Interpolation.withParameters("${steps.wait.endpoint}", params))
                .isEmpty();
        assertThat(Interpolation.withParameters("${missing}-x", params)).isEmpty();
        assertThat(Interpolation.withParameters("${blank}", params)).isEmpty();
        assertThat(Interpolation.withParameters(List.of("a"), params)).isEmpty();
    }
}
