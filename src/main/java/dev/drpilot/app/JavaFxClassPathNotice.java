package dev.drpilot.app;

import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * `java -jar drpilot.jar` puts JavaFX on the class path, and JavaFX then prints, at every start of
 * the window, a dated "WARNING: Unsupported JavaFX configuration" on the terminal: a line the
 * operator can do nothing about. This drops that one line and keeps JavaFX's other warnings. The
 * app image's runtime has no java.util.logging and prints nothing there, so {@link #quiet} does
 * nothing on it.
 */
final class JavaFxClassPathNotice {

    static final String NOTICE = "Unsupported JavaFX configuration";

    /** Held here: java.util.logging keeps its loggers only while someone does. */
    private static Logger javafx;

    private JavaFxClassPathNotice() {}

    static void quiet() {
        if (ModuleLayer.boot().findModule("java.logging").isPresent()) Dropping.install();
    }

    /** Loaded only where java.util.logging is. */
    private static final class Dropping {

        static void install() {
            javafx = Logger.getLogger("javafx");
            Filter before = javafx.getFilter();
            javafx.setFilter(record ->
                    (record.getMessage() == null || !record.getMessage().startsWith(NOTICE))
                            && (before == null || before.isLoggable(record)));
        }
    }
}
