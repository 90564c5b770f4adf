package dev.drpilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class JavaFxClassPathNoticeTest {

    @Test
    void onlyTheClassPathNoticeIsDroppedAndJavaFxsOtherWarningsStillShow() {
        Logger javafx = Logger.getLogger("javafx");
        List<String> shown = new ArrayList<>();
        Handler seen = new Handler() {
            @Override
            public void publish(LogRecord record) {
                shown.add(record.getMessage()); // after the logger's own filter
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        javafx.addHandler(seen);
        try {
            JavaFxClassPathNotice.quiet();
            javafx.log(Level.WARNING, "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1'");
            javafx.log(Level.WARNING, "Could not resolve '-color-accent-fg'");
        } finally {
            javafx.removeHandler(seen);
        }

        assertThat(shown).containsExactly("Could not resolve '-color-accent-fg'");
    }
}
