package dev.drpilot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Logback's configuration, in code rather than a logback.xml: reading the XML cost a command a
 * fifth of its start (XML parser and joran model, about 600 classes; docs/benchmarks.md). The
 * command line's output is for the operator, so the libraries speak only when something is wrong,
 * on standard error. Found by Logback through META-INF/services.
 */
public final class QuietLogging extends ContextAwareBase implements Configurator {

    /** Flyway warns on every start that H2 2.5 is newer than it was checked with (STACK.md). */
    static final String FLYWAY_DATABASE_CHECK = "org.flywaydb.core.internal.database.base.Database";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss} %-5level %logger{20} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger(FLYWAY_DATABASE_CHECK).setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
