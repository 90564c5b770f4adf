package dev.drpilot.ui;

import dev.drpilot.engine.IncidentClocks;
import dev.drpilot.engine.IncidentListener;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.Driver;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An incident as the window shows it: its steps and its log, kept up to date from the engine's
 * threads in batches on the FX thread; and what the operator does to it, sent off the FX thread.
 */
final class IncidentViewModel {

    private final IncidentRun run;
    private final IncidentLogStore log;
    private final ObservableList<StepRun> steps = FXCollections.observableArrayList();
    private final ObservableList<IncidentEvent> events = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<IncidentState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Driver> drivenElsewhere = new ReadOnlyObjectWrapper<>();
    private final List<Runnable> pending = new ArrayList<>();
    private final List<Consumer<IncidentEvent>> newsListeners = new ArrayList<>();
    private boolean flushScheduled;

    IncidentViewModel(IncidentRun run, IncidentLogStore log) {
        this.run = run;
        this.log = log;
        steps.setAll(run.steps());
        state.set(run.state());
        drivenElsewhere.set(run.drivenElsewhere().orElse(null));
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
        run.followTheLog();
        Background.run(() -> log.events(run.incidentId()), earlier -> {
            List<IncidentEvent> merged = new ArrayList<>(earlier);
            long last = earlier.isEmpty() ? 0 : earlier.getLast().sequence();
            events.stream().filter(e -> e.sequence() > last).forEach(merged::add);
            events.setAll(merged);
        }, problem::set);
    }

    IncidentRun run() {
        return run;
    }

    IncidentLogStore log() {
        return log;
    }

    ObservableList<StepRun> steps() {
        return steps;
    }

    ObservableList<IncidentEvent> events() {
        return events;
    }

    /**
     * Tells of each event written while the screen is open, on the FX thread; never of the log
     * read at opening (a resumed incident's old breaches are history, not news).
     */
    void onNews(Consumer<IncidentEvent> listener) {
        newsListeners.add(listener);
    }

    /** The last thing the operator tried that could not be done, in words; empty when none. */
    ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    /** Open, recovered or closed: follows the incident whoever changes it (the operator, or its last recovery step). */
    ReadOnlyObjectProperty<IncidentState> state() {
        return state.getReadOnlyProperty();
    }

    /** The live DR Pilot elsewhere that drives the incident (its steps run there), or null when this window may drive it. */
    ReadOnlyObjectProperty<Driver> drivenElsewhere() {
        return drivenElsewhere.getReadOnlyProperty();
    }

    /** This window drives the incident from now on; the other DR Pilot stops, and the log says so. */
    void takeOver() {
        act(run::takeOver);
    }

    /** The screen is left: stop following the log and let go of the incident. */
    void close() {
        Background.run(() -> {
            run.close();
            return true;
        }, done -> { }, problem::set);
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

    IncidentClocks.Reading clocks() {
        return run.clocks();
    }

    /** The first step that waits for the operator's typed confirmation, if any. */
    StepRun awaitingConfirmation() {
        return steps.stream().filter(s -> s.state() == StepState.AWAITING_CONFIRMATION).findFirst().orElse(null);
    }

    StepRun awaitingOperator() {
        return steps.stream().filter(s -> s.state() == StepState.AWAITING_OPERATOR).findFirst().orElse(null);
    }

    void runToNextConfirmation() {
        act(() -> run.runToNextConfirmation());
    }

    void start(String stepId) {
        act(() -> run.start(stepId));
    }

    void confirm(String stepId, String typed) {
        act(() -> run.confirm(stepId, typed));
    }

    void skip(String stepId, String reason) {
        act(() -> run.skip(stepId, reason));
    }

    void cancel(String stepId) {
        act(() -> run.cancel(stepId));
    }

    void tickOff(String stepId, String note, Map<String, String> values) {
        act(() -> run.tickOff(stepId, note, values));
    }

    void note(String text) {
        act(() -> run.note(text, null));
    }

    void decision(String text) {
        act(() -> run.decision(text));
    }

    /** Logs the breaches of the clocks since the last check (a phase window closed, the RTO passed). */
    void checkClocks() {
        act(run::checkClocks);
    }

    private void act(Runnable change) {
        problem.set("");
        Background.run(() -> {
            change.run();
            return true;
        }, done -> { }, problem::set);
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

    /** Engine threads can publish many changes a second: they reach the FX thread together, once per pulse. */
    private void later(Runnable change) {
        synchronized (pending) {
            pending.add(change);
            if (flushScheduled) return;
            flushScheduled = true;
        }
        Platform.runLater(() -> {
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
