package dev.drpilot.ui;

import dev.drpilot.action.ActionException;
import dev.drpilot.action.ResourceStatus;
import dev.drpilot.action.StatusSource;
import dev.drpilot.incident.DaemonThreads;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The live status of the resources an incident touches: each source polled off the FX thread,
 * every {@code every} while it answers and with a doubling wait (up to a minute) while it fails,
 * its last rows kept and marked stale meanwhile. Each round lands on the FX thread as one change.
 * Closing it stops the polling and the watches its sources keep open.
 */
final class LiveStatus implements AutoCloseable {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    /** A resource's row: its status, and whether that is the last known one because its source fails now. */
    record Row(ResourceStatus status, boolean stale) {}

    private final List<StatusSource> sources;
    private final Duration every;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Reading the resources...");
    private final Map<StatusSource, List<ResourceStatus>> last = new LinkedHashMap<>();
    private final Map<StatusSource, String> failures = new LinkedHashMap<>();
    private final Map<StatusSource, Instant> due = new LinkedHashMap<>();
    private final Map<StatusSource, Duration> waits = new LinkedHashMap<>();
    private final ScheduledExecutorService poller =
            Executors.newSingleThreadScheduledExecutor(new DaemonThreads("drpilot-live-status"));

    LiveStatus(List<StatusSource> sources, Duration every) {
        this.sources = List.copyOf(sources);
        this.every = every;
        if (sources.isEmpty()) summary.set("This scenario names no resource to watch");
    }

    void start() {
        if (sources.isEmpty()) return;
        poller.scheduleWithFixedDelay(this::round, 0, Math.max(50, every.toMillis() / 4), TimeUnit.MILLISECONDS);
    }

    ObservableList<Row> rows() {
        return rows;
    }

    ReadOnlyStringProperty summary() {
        return summary.getReadOnlyProperty();
    }

    /** Reads the sources that are due, then shows every row at once. */
    private void round() {
        Instant now = Instant.now();
        boolean changed = false;
        for (StatusSource source : sources) {
            if (due.getOrDefault(source, Instant.MIN).isAfter(now)) continue;
            changed = true;
            try {
                last.put(source, source.read());
                failures.remove(source);
                waits.put(source, every);
            } catch (ActionException | RuntimeException e) {
                failures.put(source, source.describe() + ": " + e.getMessage());
                Duration wait = waits.getOrDefault(source, every).multipliedBy(2);
                waits.put(source, wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
            }
            due.put(source, Instant.now().plus(waits.get(source)));
        }
        if (!changed) return;
        List<Row> all = new ArrayList<>();
        last.forEach((source, statuses) -> statuses.forEach(s -> all.add(new Row(s, failures.containsKey(source)))));
        long unhealthy = all.stream().filter(r -> !r.status().healthy()).count();
        String text = all.size() + " resources, " + unhealthy + " not healthy; read " + TIME.format(now) + " UTC"
                + (failures.isEmpty() ? "" : ". Stale: " + String.join("; ", failures.values()) + " (retrying)");
        Platform.runLater(() -> {
            show(all);
            summary.set(text);
        });
    }

    /** Replaces only the rows that changed when the same resources come back in the same order (the usual round), else all. */
    private void show(List<Row> all) {
        boolean sameResources = all.size() == rows.size();
        for (int i = 0; sameResources && i < all.size(); i++) {
            ResourceStatus was = rows.get(i).status();
            ResourceStatus now = all.get(i).status();
            sameResources = was.kind().equals(now.kind()) && was.name().equals(now.name());
        }
        if (!sameResources) {
            rows.setAll(all);
            return;
        }
        for (int i = 0; i < all.size(); i++) {
            if (!rows.get(i).equals(all.get(i))) rows.set(i, all.get(i));
        }
    }

    /**
     * Stops reading. The sources close on a thread of their own: closing a Kubernetes watch waits on
     * its client's executor, and this is called on the screen's thread when the operator leaves.
     */
    @Override
    public void close() {
        poller.shutdownNow();
        new DaemonThreads("drpilot-live-status-close")
                .newThread(() -> sources.forEach(StatusSource::close))
                .start();
    }
}
