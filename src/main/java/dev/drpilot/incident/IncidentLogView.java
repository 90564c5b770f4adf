package dev.drpilot.incident;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The incident log as the window holds it: where it is, the incidents it lists, whether opening found it
 * damaged, the moment a failed write stops it and going on in another folder then, and closing it
 * when a new log takes over. Events are written through the engine and the exports, never here.
 */
public interface IncidentLogView extends AutoCloseable {

    /** The log's file (its database, without the extension). */
    Path file();

    /** Every incident, open ones first, newest first. */
    List<Incident> incidents();

    /** What opening found missing from the file, when it did: the log is then read-only. */
    Optional<LogDamage> damage();

    /** Hears, once, that the log stopped taking writes, with the failure in words; on the log's own thread. */
    void whenStopped(Consumer<String> listener);

    /** Goes on in a new log of the same name in {@code folder}; see {@link IncidentLogStore#continueIn}. */
    LogContinuation.Report continueIn(Path folder);

    @Override
    void close();
}
