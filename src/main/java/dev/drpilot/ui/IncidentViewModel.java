package dev.drpilot.ui;

import dev.drpilot.engine.ApprovalDesk;
import dev.drpilot.engine.IncidentClocks;
import dev.drpilot.engine.IncidentFigures;
import dev.drpilot.engine.IncidentListener;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.Driver;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentState;
import dev.drpilot.runbook.Durations;
import dev.drpilot.runbook.Targets;
import dev.drpilot.runbook.TimeTarget;
import dev.drpilot.teamlog.TeamEvent;
import dev.drpilot.timeline.EventDescriptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * An incident as its screen shows it: its steps and its log, kept up to date from the engine's
 * threads in batches on the screen's thread; its figures (clocks, RPO, who settled each step) and
 * the line of clocks they make; and what the operator does to it, sent off the screen's thread.
 */
final class IncidentViewModel {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    /** How the clocks line reads at a glance: a target missed, the service recovered in time, or neither yet. */
    enum Verdict {
        MISSED,
        RECOVERED,
        RUNNING
    }

    /**
     * What the screen shows of the incident's figures at one moment: the clocks, the data lost
     * (null until both ends are known) and, by step id, who ticked off, ran to success or skipped
     * it, and when (UTC).
     */
    record Figures(IncidentClocks.Reading clocks, Duration rpo, Map<String, String> settledBy) {}

    /** The log's filters, in the order offered, and the kinds of event each shows. */
    static final Map<String, Set<EventKind>> LOG_FILTERS = filters();

    private final IncidentRun run;
    private final TaskRunner tasks;
    private final ObservableList<StepRun> steps = FXCollections.observableArrayList();
    private final ObservableList<IncidentEvent> events = FXCollections.observableArrayList();
    private final FilteredList<IncidentEvent> shownEvents = new FilteredList<>(events);
    /** Other responders' events (from the team log), in merged order. */
    private final List<TeamEvent> othersEvents = new ArrayList<>();
    /** The log as shown: this laptop's events the filter lets through, and the others' between them by time. */
    private final ObservableList<LogEntry> logEntries = FXCollections.observableArrayList();

    private final FilteredList<IncidentEvent> gaps =
            new FilteredList<>(events, e -> e.data() instanceof EventData.GapRecorded);
    private final StringProperty logFilter =
            new SimpleStringProperty(LOG_FILTERS.keySet().iterator().next());
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<IncidentState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Driver> drivenElsewhere = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Figures> figures = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper clocksLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(Verdict.RUNNING);
    private final ApprovalModel approvals;
    private final List<Runnable> pending = new ArrayList<>();
    private final List<Consumer<IncidentEvent>> newsListeners = new ArrayList<>();
    private boolean flushScheduled;
    private long breachesSeen = -1;

    /** Follows {@code run} without a team log: a step that needs approval goes ahead only by override. */
    IncidentViewModel(IncidentRun run, TaskRunner tasks) {
        this(run, tasks, Optional.empty());
    }

    /**
     * Follows {@code run} from now on; its earlier events are read from the log through it, off the screen's thread. A step that
     * needs a second person's approval asks at {@code desk} (the team log), when there is one.
     */
    IncidentViewModel(IncidentRun run, TaskRunner tasks, Optional<ApprovalDesk> desk) {
        this.run = run;
        this.tasks = tasks;
        this.approvals = new ApprovalModel(run, desk, tasks, events);
        steps.addListener((ListChangeListener<StepRun>) change -> approvals.show(steps));
        steps.setAll(run.steps());
        state.set(run.state());
        drivenElsewhere.set(run.driving().elsewhere().orElse(null));
        events.addListener((ListChangeListener<IncidentEvent>) change -> figures.set(figures()));
        figures.set(figures());
        shownEvents.addListener((ListChangeListener<IncidentEvent>) this::shownChanged);
        logFilter.addListener((o, was, now) -> shownEvents.setPredicate(
                e -> LOG_FILTERS.getOrDefault(now, Set.of()).contains(e.kind())));
        run.addListener(new IncidentListener() {
            @Override
            public void stepChanged(StepRun step) {
                later(() -> replace(step));
            }

            @Override
            public void logged(IncidentEvent event) {
                later(() -> {
                    insertInOrder(event);
                    state.set(run.state());
                    newsListeners.forEach(listener -> listener.accept(event));
                });
            }

            @Override
            public void driverChanged(Optional<Driver> elsewhere) {
                later(() -> drivenElsewhere.set(elsewhere.orElse(null)));
            }
        });
        run.driving().followTheLog();
        tasks.run(
                run::loggedEvents,
                earlier -> {
                    List<IncidentEvent> merged = new ArrayList<>(earlier);
                    long last = earlier.isEmpty() ? 0 : earlier.getLast().sequence();
                    events.stream().filter(e -> e.sequence() > last).forEach(merged::add);
                    events.setAll(merged);
                },
                problem::set);
    }

    /** The step waiting for a second person's approval, and what decides it. */
    ApprovalModel approvals() {
        return approvals;
    }

    String incidentId() {
        return run.incidentId();
    }

    /** The incident's clock: a rehearsal's "now" is its own. */
    Clock clock() {
        return run.clock();
    }

    ObservableList<StepRun> steps() {
        return steps;
    }

    ObservableList<IncidentEvent> events() {
        return events;
    }

    /** The log as the filter chosen shows it. */
    ObservableList<IncidentEvent> shownEvents() {
        return shownEvents;
    }

    /** The log as the screen lists it: {@link #shownEvents()} with the other responders' events between them, by time. */
    ObservableList<LogEntry> logEntries() {
        return logEntries;
    }

    /** Another responder's event, read from the team log: into the log's lines, never into this laptop's figures. */
    void othersEvent(TeamEvent event) {
        othersEvents.add(event);
        mergeLog();
    }

    /** Without others' events the log's lines follow this laptop's change by change (a long log is not redrawn whole). */
    private void shownChanged(ListChangeListener.Change<? extends IncidentEvent> change) {
        if (!othersEvents.isEmpty()) {
            mergeLog();
            return;
        }
        while (change.next()) {
            if (change.wasPermutated() || change.wasUpdated()) {
                mergeLog();
                return;
            }
            if (change.wasRemoved()) {
                logEntries.remove(change.getFrom(), change.getFrom() + change.getRemovedSize());
            }
            if (change.wasAdded()) {
                logEntries.addAll(
                        change.getFrom(),
                        change.getAddedSubList().stream()
                                .map(e -> new LogEntry(e, null))
                                .toList());
            }
        }
    }

    /** By time, stable: this laptop's events keep their order, the others' keep the merged order. */
    private void mergeLog() {
        Set<EventKind> kinds = LOG_FILTERS.getOrDefault(logFilter.get(), Set.of());
        List<LogEntry> merged = new ArrayList<>(shownEvents.size() + othersEvents.size());
        for (IncidentEvent own : shownEvents) merged.add(new LogEntry(own, null));
        for (TeamEvent other : othersEvents) {
            if (kinds.contains(other.event().kind())) {
                merged.add(new LogEntry(other.event(), other.writer().responder()));
            }
        }
        if (!othersEvents.isEmpty())
            merged.sort(java.util.Comparator.comparing(e -> e.event().time()));
        logEntries.setAll(merged);
    }

    /** The gaps recorded for the incident, oldest first. */
    ObservableList<IncidentEvent> gaps() {
        return gaps;
    }

    /** A new "Record a gap" form, which logs the gap for this incident whatever its state. */
    GapFormModel gapForm() {
        return new GapFormModel(run.entries()::gap, tasks, Clock.systemUTC());
    }

    /** A gap as the incident's screen lists it: "OVERDUE · due 2026-01-31 · dave · the gap → the remediation". */
    static String gapLine(EventData.GapRecorded gap, LocalDate today) {
        return (gap.overdueOn(today) ? "OVERDUE · " : "") + "due " + gap.due() + " · " + gap.owner() + " · "
                + gap.text() + " → " + gap.remediation();
    }

    /** Which of {@link #LOG_FILTERS} the log shows. */
    StringProperty logFilter() {
        return logFilter;
    }

    /**
     * Tells of each event written while the screen is open, on the screen's thread; never of the
     * log read at opening (a resumed incident's old breaches are history, not news).
     */
    void onNews(Consumer<IncidentEvent> listener) {
        newsListeners.add(listener);
    }

    /** The last thing the operator tried that could not be done, in words; empty when none. */
    ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    /** The operator has read the problem: it goes. */
    void dismissProblem() {
        problem.set("");
    }

    /** Open, recovered or closed: follows the incident whoever changes it (the operator, or its last recovery step). */
    ReadOnlyObjectProperty<IncidentState> state() {
        return state.getReadOnlyProperty();
    }

    /** The live DR Pilot elsewhere that drives the incident (its steps run there), or null when this window may drive it. */
    ReadOnlyObjectProperty<Driver> drivenElsewhere() {
        return drivenElsewhere.getReadOnlyProperty();
    }

    /** The figures as of the last tick or event. */
    ReadOnlyObjectProperty<Figures> currentFigures() {
        return figures.getReadOnlyProperty();
    }

    /** "Elapsed 00:12:30 · RTO left 00:47:30 · RPO 5 min (target 5 min: met)", as of the last tick. */
    ReadOnlyStringProperty clocksLine() {
        return clocksLine.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Verdict> verdict() {
        return verdict.getReadOnlyProperty();
    }

    IncidentClocks.Reading clocks() {
        return run.clocks();
    }

    /**
     * The incident's figures now: its clocks, the data lost (the restore point chosen, the
     * restoreTime parameter, against the failure's start, declared or set back later) and who
     * settled each step.
     */
    Figures figures() {
        IncidentFigures counted = IncidentFigures.of(run.incident(), List.copyOf(events), run.runbook());
        Map<String, String> settledBy = new HashMap<>();
        counted.settledBy()
                .forEach((step, settled) -> settledBy.put(step, settled.actor() + ", " + TIME.format(settled.at())));
        return new Figures(run.clocks(), counted.rpoAchieved(), Map.copyOf(settledBy));
    }

    /**
     * Reads the figures for the screen's second: the clocks line and its verdict; and, when a
     * clock has been breached since the last tick, has the breach written to the log.
     */
    Figures tick() {
        Figures now = figures();
        figures.set(now);
        Targets targets = run.runbook().targets();
        IncidentClocks.Reading reading = now.clocks();
        Duration lost = now.rpo();
        boolean rpoMissed =
                lost != null && !targets.rpo().isNone() && !targets.rpo().metBy(lost);
        clocksLine.set((reading.closed() ? "Lasted " : "Elapsed ") + ClockText.of(reading.elapsed()) + "   ·   "
                + rto(reading, targets.rto())
                + (lost == null
                        ? ""
                        : "   ·   RPO " + Durations.human(lost)
                                + (targets.rpo().isNone()
                                        ? ""
                                        : " (target " + targets.rpo().label() + ": " + (rpoMissed ? "missed" : "met")
                                                + ")")));
        boolean rtoMissed = reading.recoveredIn() != null
                ? !targets.rto().isNone() && !targets.rto().metBy(reading.recoveredIn())
                : reading.rtoRemaining() != null && reading.rtoRemaining().isNegative();
        verdict.set(
                rtoMissed || rpoMissed
                        ? Verdict.MISSED
                        : reading.recoveredIn() != null ? Verdict.RECOVERED : Verdict.RUNNING);
        long breaches = reading.phases().stream()
                        .filter(IncidentClocks.PhaseClock::breached)
                        .count()
                + (reading.rtoRemaining() != null && reading.rtoRemaining().isNegative() ? 1 : 0);
        if (breaches != breachesSeen) {
            breachesSeen = breaches;
            act(run::checkClocks);
        }
        return now;
    }

    /** The RTO clock: counting down, passed, or stopped at the recovery with the RTO achieved against its target. */
    private static String rto(IncidentClocks.Reading reading, TimeTarget target) {
        if (reading.recoveredIn() != null) {
            String achieved = "Recovered in " + ClockText.of(reading.recoveredIn());
            if (target.isNone()) return achieved;
            return achieved + " (RTO target " + target.label() + ": "
                    + (target.metBy(reading.recoveredIn()) ? "met" : "missed") + ")";
        }
        if (reading.rtoRemaining() == null) return "no RTO target";
        return reading.rtoRemaining().isNegative()
                ? "RTO passed " + ClockText.of(reading.rtoRemaining().negated()) + " ago"
                : "RTO left " + ClockText.of(reading.rtoRemaining());
    }

    /** How long a step has run (or ran): "12:30"; empty before it starts. */
    String elapsed(StepRun step) {
        if (step.startedAt() == null) return "";
        Instant end = step.endedAt() == null ? run.clock().instant() : step.endedAt();
        return ClockText.of(Duration.between(step.startedAt(), end)).substring(3);
    }

    /** A log line: its time (UTC), its step, what happened, who did it. */
    static String logLine(IncidentEvent event) {
        return TIME.format(event.time()) + "  " + (event.stepId() == null ? "" : "[" + event.stepId() + "] ")
                + EventDescriptions.describe(event) + "  (" + event.actor() + ")";
    }

    /** A manual step's instructions, with the incident's values in place. */
    String instructions(String stepId) {
        return run.instructions(stepId);
    }

    /** The first step that waits for the operator's typed confirmation, if any. */
    StepRun awaitingConfirmation() {
        return steps.stream()
                .filter(s -> s.state() == StepState.AWAITING_CONFIRMATION)
                .findFirst()
                .orElse(null);
    }

    StepRun awaitingOperator() {
        return steps.stream()
                .filter(s -> s.state() == StepState.AWAITING_OPERATOR)
                .findFirst()
                .orElse(null);
    }

    /** What a destructive step asks to be typed before it goes ahead. */
    String confirmationPrompt(StepRun waiting) {
        return "Destructive: \"" + waiting.step().title() + "\". Type " + run.confirmationText(waiting.id())
                + " to go ahead.";
    }

    /** Whether {@code typed} is what the step waiting for a confirmation asks for. */
    boolean confirms(String typed) {
        StepRun waiting = awaitingConfirmation();
        return waiting != null && typed.strip().equals(run.confirmationText(waiting.id()));
    }

    /** This window drives the incident from now on; the other DR Pilot stops, and the log says so. */
    void takeOver() {
        act(run.driving()::takeOver);
    }

    /** The screen is left: stop following the log and let go of the incident. */
    void close() {
        approvals.close();
        tasks.run(run::close, problem::set);
    }

    /** The operator says the service is back: the RTO clock stops. */
    void recovered(String note) {
        act(() -> run.recovered(System.getProperty("user.name", "operator"), note));
    }

    void close(String summary) {
        act(() -> run.close(summary));
    }

    void reopen(String reason) {
        act(() -> run.reopen(reason));
    }

    void runToNextConfirmation() {
        act(run::runToNextConfirmation);
    }

    void start(String stepId) {
        act(() -> run.start(stepId));
    }

    /** Confirms the step waiting for it with what the operator typed. */
    void confirm(String typed) {
        StepRun waiting = awaitingConfirmation();
        if (waiting != null) act(() -> run.confirm(waiting.id(), typed.strip()));
    }

    void skip(String stepId, String reason) {
        act(() -> run.skip(stepId, reason));
    }

    void cancel(String stepId) {
        act(() -> run.cancel(stepId));
    }

    /** Ticks off the manual step waiting for the operator, with a note and the values it records. */
    void tickOff(String note, Map<String, String> values) {
        StepRun waiting = awaitingOperator();
        if (waiting != null) act(() -> run.tickOff(waiting.id(), note, values));
    }

    /** A note, or a decision, for the log; blank text writes nothing. */
    void note(String text, boolean decision) {
        String written = text.strip();
        if (written.isEmpty()) return;
        if (decision) act(() -> run.entries().decision(written));
        else act(() -> run.entries().note(written, null));
    }

    private static Map<String, Set<EventKind>> filters() {
        Map<String, Set<EventKind>> filters = new LinkedHashMap<>();
        filters.put("All events", EnumSet.allOf(EventKind.class));
        filters.put(
                "Steps",
                EnumSet.of(
                        EventKind.STEP_STARTED,
                        EventKind.STEP_SUCCEEDED,
                        EventKind.STEP_FAILED,
                        EventKind.STEP_SKIPPED,
                        EventKind.STEP_RETRIED,
                        EventKind.STEP_CANCELLED,
                        EventKind.STEP_INTERRUPTED,
                        EventKind.STEP_WAITING,
                        EventKind.CONFIRMATION_REQUESTED,
                        EventKind.CONFIRMATION_GIVEN,
                        EventKind.APPROVAL_REQUESTED,
                        EventKind.APPROVAL_GIVEN,
                        EventKind.APPROVAL_REFUSED,
                        EventKind.APPROVAL_OVERRIDDEN,
                        EventKind.CHECKLIST_TICK));
        filters.put("API calls", EnumSet.of(EventKind.API_CALL, EventKind.CALLER_IDENTITY, EventKind.STATUS_CHANGE));
        filters.put(
                "Notes and decisions",
                EnumSet.of(
                        EventKind.NOTE,
                        EventKind.DECISION,
                        EventKind.CORRECTION,
                        EventKind.INJECT,
                        EventKind.GAP_RECORDED));
        filters.put(
                "Clocks",
                EnumSet.of(EventKind.CLOCK_BREACH, EventKind.PHASE_ENTERED, EventKind.INCIDENT_START_SET_BACK));
        return Collections.unmodifiableMap(filters);
    }

    private void act(Runnable change) {
        problem.set("");
        tasks.run(change, problem::set);
    }

    /** Events come from this process and from others, a moment apart: each takes its place by sequence, once. */
    private void insertInOrder(IncidentEvent event) {
        int at = events.size();
        while (at > 0 && events.get(at - 1).sequence() >= event.sequence()) {
            if (events.get(at - 1).sequence() == event.sequence()) return;
            at--;
        }
        events.add(at, event);
    }

    private void replace(StepRun step) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(step.id())) {
                steps.set(i, step);
                return;
            }
        }
        steps.setAll(run.steps());
    }

    /** Engine threads can publish many changes a second: they reach the screen's thread together, once per pulse. */
    private void later(Runnable change) {
        synchronized (pending) {
            pending.add(change);
            if (flushScheduled) return;
            flushScheduled = true;
        }
        tasks.onScreen(() -> {
            List<Runnable> batch;
            synchronized (pending) {
                batch = new ArrayList<>(pending);
                pending.clear();
                flushScheduled = false;
            }
            batch.forEach(Runnable::run);
        });
    }
}
