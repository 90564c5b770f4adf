package dev.drpilot.ui;

import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.RunbookChange;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogView;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.runbook.Runbook;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The first screen's state: the log's incidents (live ones before rehearsals, open ones first,
 * newest first), what the headline says, the newest unfinished incident offered for resuming,
 * the sample offered on an empty log, and whether anything can be started at all (not before the
 * log is read, nor in a damaged log).
 */
final class StartViewModel {

    static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final TaskRunner tasks;
    private final Clock clock;
    private final ObservableList<Incident> incidents = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Opening the incident log...");
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper firstRun = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Incident> unfinished = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Incident> proposed = new ReadOnlyObjectWrapper<>();

    /** @param clock what "now" is for the open incidents' running times */
    StartViewModel(TaskRunner tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    ObservableList<Incident> incidents() {
        return incidents;
    }

    ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    /** Whether an incident or a rehearsal can be declared: the log is read and whole. */
    ReadOnlyBooleanProperty canStart() {
        return canStart.getReadOnlyProperty();
    }

    /** The log lost events: nothing can be written to it, nor resumed in it. */
    ReadOnlyBooleanProperty readOnly() {
        return readOnly.getReadOnlyProperty();
    }

    /** The log is empty: the sample rehearsal is offered. */
    ReadOnlyBooleanProperty firstRun() {
        return firstRun.getReadOnlyProperty();
    }

    /** The newest incident not closed, offered for resuming; null when none. */
    ReadOnlyObjectProperty<Incident> unfinished() {
        return unfinished.getReadOnlyProperty();
    }

    /** The incident selected in the list once it is read (the first, when any is open); null when none. */
    ReadOnlyObjectProperty<Incident> proposed() {
        return proposed.getReadOnlyProperty();
    }

    /** What the line about the unfinished incident says. */
    static String unfinishedText(Incident open) {
        return "Unfinished: " + open.title() + " (" + open.id() + "), declared " + UTC.format(open.declaredAt())
                + ": its steps and clocks are in the log.";
    }

    /** Reads the log's incidents (and whether it is damaged) off the screen's thread. */
    void load(IncidentLogView log) {
        tasks.run(
                () -> new Read(
                        log.incidents(), log.damage().map(d -> d.sentence()).orElse(null)),
                read -> {
                    show(read.incidents());
                    if (read.damage() != null) damaged(read.damage());
                },
                this::failed);
    }

    /**
     * Before an incident is resumed: reads off the screen's thread whether its runbook file changed
     * since its log recorded it. When it did not, {@code resume} is called at once (with null); when
     * it did, {@code ask} is given the change to show, and the operator's answer decides.
     */
    void checkRunbook(
            IncidentEngine engine,
            Incident incident,
            Runbook runbook,
            Consumer<RunbookChange> ask,
            Consumer<RunbookChange> resume) {
        tasks.run(
                () -> engine.runbookChange(incident, runbook),
                change -> change.ifPresentOrElse(ask, () -> resume.accept(null)),
                this::failed);
    }

    /** The operator did not accept the changed runbook: nothing was resumed, and the headline says so. */
    void notResumed(RunbookChange change) {
        status.set("Not resumed: " + change.incidentId() + " recorded version "
                + change.recorded().shortId() + " of " + change.current().file() + ", and the file is now version "
                + change.current().shortId() + ".");
    }

    /** The log could not be opened: the headline says why. */
    void logUnavailable(String message) {
        status.set("The incident log cannot be opened: " + message);
    }

    /** Something the operator asked for cannot be done: the headline says it, in one sentence. */
    void failed(String sentence) {
        status.set(sentence);
    }

    /**
     * Elapsed while the service is down, the RTO achieved once recovered, how long it lasted once
     * closed: as its own screen shows them. A tabletop's are on its own clock, its exercise time
     * (T+) standing still at its newest event while nobody plays it.
     */
    String time(Incident i) {
        return switch (i.state()) {
            case OPEN -> (i.ownClockAt() != null ? "T+" : "") + ClockText.of(i.lasted(clock.instant()));
            case RECOVERED -> "recovered in " + ClockText.of(i.recoveredIn());
            case CLOSED -> "lasted " + ClockText.of(i.lasted(clock.instant()));
        };
    }

    static String mode(Incident i) {
        return i.mode() == IncidentMode.REHEARSAL ? "rehearsal" : "incident";
    }

    private void show(List<Incident> all) {
        incidents.setAll(all.stream()
                .sorted(Comparator.comparing((Incident i) -> i.mode() != IncidentMode.LIVE)
                        .thenComparing(i -> !i.open())
                        .thenComparing(Incident::startedAt, Comparator.reverseOrder()))
                .toList());
        long live = all.stream()
                .filter(i -> i.open() && i.mode() == IncidentMode.LIVE)
                .count();
        long rehearsals = all.stream()
                .filter(i -> i.open() && i.mode() == IncidentMode.REHEARSAL)
                .count();
        status.set(
                live + rehearsals == 0
                        ? "No incident open"
                        : live + " live incident(s) and " + rehearsals
                                + " rehearsal(s) not closed: select one and resume it");
        canStart.set(true);
        readOnly.set(false);
        firstRun.set(all.isEmpty());
        unfinished.set(incidents.stream().filter(Incident::open).findFirst().orElse(null));
        proposed.set(null);
        proposed.set(live + rehearsals > 0 ? incidents.getFirst() : null);
    }

    private void damaged(String sentence) {
        status.set(sentence);
        canStart.set(false);
        readOnly.set(true);
        firstRun.set(false);
        unfinished.set(null);
    }

    private record Read(List<Incident> incidents, String damage) {}
}
