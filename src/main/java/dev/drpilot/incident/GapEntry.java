package dev.drpilot.incident;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * A gap as an operator gives it, before it is logged: the one check of `drpilot gap` and of the
 * window's gap form, and the {@link EventData.GapRecorded} it becomes. Each refusal names the field
 * it is about, so the command line can say "--owner" and the window "The owner".
 *
 * @param due the day as typed, YYYY-MM-DD
 */
public record GapEntry(String text, String owner, String due, String remediation) {

    /** An owner is a name or a team, not a paragraph. */
    public static final int MAX_OWNER = 200;

    /** The fields of a gap, as a refusal names them. */
    public enum Field {
        TEXT,
        OWNER,
        DUE,
        REMEDIATION
    }

    /**
     * What is wrong with one field, worded to follow the field's name: "is empty: say it in words".
     */
    public record Refusal(Field field, String problem) {
        /** The sentence, with the field named as the caller shows it ("--due", "The due date"). */
        public String sentence(Function<Field, String> named) {
            return named.apply(field) + " " + problem;
        }
    }

    public GapEntry {
        text = text == null ? "" : text;
        owner = owner == null ? "" : owner;
        due = due == null ? "" : due;
        remediation = remediation == null ? "" : remediation;
    }

    /** Why the gap cannot be logged as given, or empty when it can. */
    public Optional<Refusal> refusal() {
        return blank(Field.TEXT, text)
                .or(() -> blank(Field.OWNER, owner))
                .or(() -> blank(Field.DUE, due))
                .or(() -> blank(Field.REMEDIATION, remediation))
                .or(() -> tooLong(
                        Field.TEXT, text.strip(), EventData.Said.MAX_TEXT, "save the rest in a file and name the file"))
                .or(() -> tooLong(Field.OWNER, owner.strip(), MAX_OWNER, "name a person or a team"))
                .or(() -> tooLong(
                        Field.REMEDIATION,
                        remediation.strip(),
                        EventData.Said.MAX_TEXT,
                        "save the rest in a file and name the file"))
                .or(this::notADay);
    }

    /** The day it is due, once {@link #refusal()} is empty. */
    public LocalDate dueDay() {
        return LocalDate.parse(due.strip());
    }

    /** Whether the remediation is due before {@code today}: the window asks before logging a gap already overdue. */
    public boolean dueBefore(LocalDate today) {
        return refusal().isEmpty() && dueDay().isBefore(today);
    }

    /** The event to log, its words stripped; throws when {@link #refusal()} is not empty. */
    public EventData.GapRecorded event() {
        refusal().ifPresent(r -> {
            throw new IllegalArgumentException(r.sentence(f -> f.name().toLowerCase(java.util.Locale.ROOT)));
        });
        return new EventData.GapRecorded(text.strip(), owner.strip(), dueDay(), remediation.strip());
    }

    private static Optional<Refusal> blank(Field field, String value) {
        if (!value.isBlank()) return Optional.empty();
        return Optional.of(new Refusal(
                field,
                field == Field.DUE ? "is empty: give the day the remediation is due" : "is empty: say it in words"));
    }

    private static Optional<Refusal> tooLong(Field field, String value, int most, String instead) {
        if (value.length() <= most) return Optional.empty();
        return Optional.of(new Refusal(
                field, "holds at most " + most + " characters (this one has " + value.length() + "): " + instead));
    }

    private Optional<Refusal> notADay() {
        try {
            LocalDate.parse(due.strip());
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of(new Refusal(
                    Field.DUE, "'" + due + "' is not a day: give it as YYYY-MM-DD, for example 2026-12-31"));
        }
    }
}
