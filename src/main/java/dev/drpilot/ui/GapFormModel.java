package dev.drpilot.ui;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.GapEntry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "Record a gap" form: the gap, its owner, the day its remediation is due and the remediation,
 * checked as `drpilot gap` checks them ({@link GapEntry}), and logged off the screen's thread as the
 * same GAP_RECORDED event. A due day already past is asked about once before it is logged.
 */
final class GapFormModel {

    /** What pressing "Record" did. */
    enum Outcome {
        /** Something is missing or wrong: {@link #problem()} says what. */
        REFUSED,
        /** The due day is past: {@link #question()} asks, and the next "Record" logs it. */
        ASKS_TO_CONFIRM,
        /** Sent to the log; {@link #recorded()} turns true once it is written. */
        SENT
    }

    private final Consumer<EventData.GapRecorded> log;
    private final TaskRunner tasks;
    private final Clock clock;
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty owner = new SimpleStringProperty("");
    private final StringProperty due = new SimpleStringProperty("");
    private final StringProperty remediation = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper recorded = new ReadOnlyBooleanWrapper();

    /**
     * @param log   writes the gap to the incident's log (and throws, in words, when the log refuses it)
     * @param clock what "today" is for a due day already past: the wall clock, as the evidence pack counts overdue
     */
    GapFormModel(Consumer<EventData.GapRecorded> log, TaskRunner tasks, Clock clock) {
        this.log = log;
        this.tasks = tasks;
        this.clock = clock;
        due.addListener((o, was, now) -> question.set(""));
    }

    StringProperty text() {
        return text;
    }

    StringProperty owner() {
        return owner;
    }

    /** The due day as the date picker writes it or the operator types it: YYYY-MM-DD. */
    StringProperty due() {
        return due;
    }

    StringProperty remediation() {
        return remediation;
    }

    /** Why the gap was not logged, in words; empty when nothing is wrong. */
    ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    /** The question about a due day already past; empty when none is asked. */
    ReadOnlyStringProperty question() {
        return question.getReadOnlyProperty();
    }

    /** While the gap is being written. */
    ReadOnlyBooleanProperty sending() {
        return sending.getReadOnlyProperty();
    }

    /** True once the gap is in the log: the form is done. */
    ReadOnlyBooleanProperty recorded() {
        return recorded.getReadOnlyProperty();
    }

    /** Checks the form and, when it holds (and a past due day has been asked about), logs the gap. */
    Outcome record() {
        if (sending.get() || recorded.get()) return Outcome.SENT;
        GapEntry entry = new GapEntry(text.get(), owner.get(), due.get(), remediation.get());
        Optional<GapEntry.Refusal> refusal = entry.refusal();
        if (refusal.isPresent()) {
            problem.set("Not recorded: " + refusal.get().sentence(GapFormModel::named) + ".");
            question.set("");
            return Outcome.REFUSED;
        }
        problem.set("");
        if (question.get().isEmpty() && entry.dueBefore(LocalDate.now(clock))) {
            question.set("The due date " + entry.dueDay() + " is already past: the gap will show as OVERDUE."
                    + " Record it anyway?");
            return Outcome.ASKS_TO_CONFIRM;
        }
        EventData.GapRecorded gap = entry.event();
        sending.set(true);
        tasks.run(
                () -> {
                    log.accept(gap);
                    return gap;
                },
                written -> {
                    sending.set(false);
                    recorded.set(true);
                },
                failure -> {
                    sending.set(false);
                    problem.set("Not recorded: " + failure);
                });
        return Outcome.SENT;
    }

    private static String named(GapEntry.Field field) {
        return switch (field) {
            case TEXT -> "The gap";
            case OWNER -> "The owner";
            case DUE -> "The due date";
            case REMEDIATION -> "The remediation";
        };
    }
}
