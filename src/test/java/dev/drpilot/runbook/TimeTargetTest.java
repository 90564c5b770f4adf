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
    void underATargetIsStrictlyUnderAndAWindowIsMetUpToItsEnd() {
        TimeTarget underFive = TimeTarget.parse("PT5M");
        assertThat(underFive.metBy(Duration.ofMinutes(4).plusSeconds(59))).isTrue();
        assertThat(underFive.metBy(Duration.ofMinutes(5)))
                .as("RPO 5 min against < 5 min")
                .isFalse();
        assertThat(underFive.metBy(Duration.ofMinutes(6))).isFalse();

        TimeTarget window = TimeTarget.parse("PT30M/PT1H");
        assertThat(window.metBy(Duration.ofMinutes(20)))
                .as("sooner than the window is better, not worse")
                .isTrue();
        assertThat(window.metBy(Duration.ofHours(1)))
                .as("the window's end is inside it")
                .isTrue();
        assertThat(window.metBy(Duration.ofMinutes(61))).isFalse();

        assertThat(TimeTarget.NONE.metBy(Duration.ZERO))
                .as("no data loss, and none lost")
                .isTrue();
        assertThat(TimeTarget.NONE.metBy(Duration.ofSeconds(1))).isFalse();
    }

    @Test
    void refusesWindowsTheWrongWayRoundAndNonDurations() {
        assertThatThrownBy(() -> TimeTarget.parse("PT4H/PT2H")).hasMessageContaining("shorter to the longer");
        assertThatThrownBy(() -> TimeTarget.parse("2 hours")).hasMessageContaining("ISO-8601");
    }
}
