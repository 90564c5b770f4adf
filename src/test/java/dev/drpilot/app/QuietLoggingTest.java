package dev.drpilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class QuietLoggingTest {

    @Test
    void logbackFindsItAsItsConfiguration() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(QuietLogging.class);
        assertThat(LoggerFactory.getLogger("some.library").isInfoEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("some.library").isWarnEnabled()).isTrue();
    }

    @Test
    void librariesSpeakOnStandardErrorOnlyWhenSomethingIsWrong() {
        PrintStream before = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            context.setMDCAdapter(new LogbackMDCAdapter());
            new QuietLogging().configure(context);
            context.getLogger("some.library").info("connected");
            context.getLogger("some.library").warn("retrying");
            context.getLogger(QuietLogging.FLYWAY_DATABASE_CHECK).warn("H2 2.5 is newer than checked");
            context.getLogger(QuietLogging.FLYWAY_DATABASE_CHECK).error("migration failed");
        } finally {
            System.setErr(before);
            context.stop();
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("WARN  some.library - retrying", "ERROR", "migration failed")
                .doesNotContain("connected", "newer than checked");
    }
}
