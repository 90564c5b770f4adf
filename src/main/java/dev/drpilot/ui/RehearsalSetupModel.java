package dev.drpilot.ui;

import dev.drpilot.rehearsal.Exercise;
import dev.drpilot.rehearsal.RehearsalClock;
import dev.drpilot.runbook.Runbook;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Before a tabletop: what the players will be told, the speeds its clock can run at, the one
 * chosen, and the start, which happens once however often it is asked for.
 */
final class RehearsalSetupModel {

    static final int DEFAULT_SPEED = 30;
    static final List<Integer> SPEEDS = List.of(1, 5, 10, 30, RehearsalClock.MAX_SPEED);

    private final Exercise exercise;
    private final Runbook runbook;
    private final BiConsumer<Exercise, Integer> onStart;
    private final ObjectProperty<Integer> speed = new SimpleObjectProperty<>(DEFAULT_SPEED);
    private final ReadOnlyBooleanWrapper started = new ReadOnlyBooleanWrapper();

    RehearsalSetupModel(Exercise exercise, Runbook runbook, BiConsumer<Exercise, Integer> onStart) {
        this.exercise = exercise;
        this.runbook = runbook;
        this.onStart = onStart;
    }

    String title() {
        return "Tabletop rehearsal: " + exercise.title();
    }

    String about() {
        return runbook.title() + "  ·  RTO target " + runbook.targets().rto().label() + "  ·  RPO target "
                + runbook.targets().rpo().label();
    }

    String situation() {
        return exercise.situation();
    }

    String how() {
        return exercise.injects().size() + " injects are scripted. Every step is played by the exercise's script:"
                + " nothing is called in AWS or Kubernetes. The facilitator can pause, change the speed, deliver an inject early,"
                + " add one, or fail a step.";
    }

    /** How many times faster than real time the exercise clock runs. */
    ObjectProperty<Integer> speed() {
        return speed;
    }

    static String speedLabel(Integer value) {
        return value == null ? "" : value == 1 ? "real time" : value + "x faster";
    }

    /** Whether the tabletop has been asked to start (it starts once). */
    ReadOnlyBooleanProperty started() {
        return started.getReadOnlyProperty();
    }

    void start() {
        if (started.get()) return;
        started.set(true);
        onStart.accept(exercise, speed.get());
    }
}
