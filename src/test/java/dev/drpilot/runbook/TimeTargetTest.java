package dev.drpilot.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeTargetTest {

    @Test
    void readsTheGuidesThreeForms() {
        assertThat(TimeTarget.parse("PT5M")).isEqualTo(new TimeTarget(Duration.ZERO, Duration.ofMinutes(5)));
        assertThat(TimeTarget.parse("PT2H/PT4H")).isEqualTo(new TimeTarget(Duration.ofHours(2), Duration.ofHours(4)));
        assertThat(TimeTarget.parse("none").isNone()).isTrue();
    }

    @Test
    void labelsReadAsInTheGuide() {
        assertThat(TimeTarget.parse("PT5M").label()).isEqualTo("< 5 min");
        assertThat(TimeTarget.parse("PT2H/PT4H").label()).isEqualTo("2 h - 4 h");
        assertThat(TimeTarget.parse("PT1S").label()).isEqualTo("< 1 s");
        assertThat(TimeTarget.parse("PT30M/PT1H").notation()).isEqualTo("PT30M/PT1H");
    }

    @Test
    void refusesWindowsTheWrongWayRoundAndNonDurations() {
        assertThatThrownBy(() -> TimeTarget.parse("PT4H/PT2H")).hasMessageContaining("shorter to the longer");
        assertThatThrownBy(() -> TimeTarget.parse("2 hours")).hasMessageContaining("ISO-8601");
    }
}
