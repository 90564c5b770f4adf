package dev.drpilot.ui;

import dev.drpilot.engine.IncidentClocks;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.rehearsal.Exercise;
import dev.drpilot.rehearsal.RehearsalClock;
import dev.drpilot.rehearsal.Tabletop;
import dev.drpilot.runbook.Durations;
import dev.drpilot.runbook.Step;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The facilitator's hold on a tabletop: the exercise clock (its speed, paused or not), the next
 * scripted inject and delivering it now, an inject made up on the spot, a step whose next attempt
 * fails; and the latest inject, for the players, as the log tells it.
 */
final class FacilitatorModel {

    static final List<Integer> SPEEDS = List.of(1, 2, 5, 10, 30, RehearsalClock.MAX_SPEED);

    private final Tabletop tabletop;
    private final TaskRunner tasks;
    private final ReadOnlyStringWrapper clock = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper next = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper latest =
            new ReadOnlyStringWrapper("The situation has been given; injects will appear here.");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Integer> speed = new SimpleObjectProperty<>();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final StringProperty inject = new SimpleStringProperty("");
    private final ObjectProperty<String> stepToFail = new SimpleObjectProperty<>();
    private final List<String> failable;

    /** @param events the incident's log as its screen holds it: the latest inject is read from it */
    FacilitatorModel(Tabletop tabletop, ObservableList<IncidentEvent> events, TaskRunner tasks) {
        this.tabletop = tabletop;
        this.tasks = tasks;
        speed.set(tabletop.clock().speed());
        speed.addListener((o, was, now) -> {
            if (now != null) tabletop.clock().setSpeed(now);
        });
        paused.set(tabletop.clock().paused());
        paused.addListener((o, was, now) -> {
            if (now) tabletop.clock().pause();
            else tabletop.clock().resume();
        });
        failable = tabletop.run().runbook().steps().stream()
                .filter(s -> !s.isManual())
                .map(Step::id)
                .toList();
        if (!failable.isEmpty()) stepToFail.set(failable.getFirst());
        events.addListener((ListChangeListener<IncidentEvent>) change -> {
            while (change.next()) {
                change.getAddedSubList().stream()
                        .filter(e -> e.kind() == EventKind.INJECT)
                        .forEach(this::showInject);
            }
        });
        events.stream()
                .filter(e -> e.kind() == EventKind.INJECT)
                .reduce((a, b) -> b)
                .ifPresent(this::showInject);
    }

    /** "T+00:12:30", and "(paused)" while it is. */
    ReadOnlyStringProperty clock() {
        return clock.getReadOnlyProperty();
    }

    /** When the next scripted inject comes, or that none is left. */
    ReadOnlyStringProperty next() {
        return next.getReadOnlyProperty();
    }

    /** The latest inject, as the players read it. */
    ReadOnlyStringProperty latest() {
        return latest.getReadOnlyProperty();
    }

    /** What the facilitator's last act did, or why it could not be done. */
    ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    ObjectProperty<Integer> speed() {
        return speed;
    }

    BooleanProperty paused() {
        return paused;
    }

    /** The inject being written on the spot. */
    StringProperty inject() {
        return inject;
    }

    /** The automated steps, whose next attempt the facilitator can fail. */
    List<String> failable() {
        return failable;
    }

    ObjectProperty<String> stepToFail() {
        return stepToFail;
    }

    /** The exercise clock and the next inject, read in the same tick as the incident screen's clocks. */
    void show(IncidentClocks.Reading reading) {
        clock.set("T+" + ClockText.of(reading.elapsed()) + (tabletop.clock().paused() ? " (paused)" : ""));
        List<Exercise.Inject> pending = tabletop.pendingInjects();
        next.set(
                pending.isEmpty()
                        ? "No scripted inject left"
                        : "Next inject at T+"
                                + Durations.human(pending.getFirst().at()));
    }

    void deliverNextInject() {
        tasks.run(tabletop::fireNextInject, status::set);
    }

    /** Gives the players the inject written; the field is cleared once it is in the log. */
    void addInject() {
        String text = inject.get();
        tasks.run(
                () -> {
                    tabletop.addInject(text);
                    return text;
                },
                added -> inject.set(""),
                status::set);
    }

    void failStep() {
        String step = stepToFail.get();
        if (step == null) return;
        tabletop.failStep(step, "the facilitator failed this step");
        status.set("The next attempt of " + step + " will fail");
    }

    private void showInject(IncidentEvent event) {
        EventData.Inject inject = (EventData.Inject) event.data();
        latest.set("Inject " + (inject.at() == null ? "" : inject.at()) + ": " + inject.text());
    }
}
