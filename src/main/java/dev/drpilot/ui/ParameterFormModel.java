package dev.drpilot.ui;

import dev.drpilot.action.ActionException;
import dev.drpilot.engine.InvalidParametersException;
import dev.drpilot.engine.ParameterValues;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.runbook.Durations;
import dev.drpilot.runbook.Param;
import dev.drpilot.runbook.ParamType;
import dev.drpilot.runbook.Runbook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The wizard's state for one scenario: a value per parameter (its default to start with, never a
 * secret's), what the account or cluster offers for a region or namespace, how a typed time will
 * be read, the restorable window on request; and the declaration, made only when every value
 * passes the engine's own checks (else the reason, with nothing called).
 */
final class ParameterFormModel {

    private static final DateTimeFormatter READ_BACK = DateTimeFormatter.ofPattern(
                    "EEE d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /**
     * One parameter: its value as typed (a boolean's "true" or "false"), what is offered for it,
     * a line under it (how a time reads; why nothing could be offered), and the restorable window.
     */
    record Field(
            Param param,
            StringProperty value,
            ObservableList<String> offered,
            StringProperty note,
            StringProperty window) {}

    private final Runbook runbook;
    private final IncidentMode mode;
    private final ParameterSuggestions suggestions;
    private final TaskRunner tasks;
    private final Clock clock;
    private final BiConsumer<Runbook, Map<String, String>> onDeclare;
    private final List<Field> fields;
    private final ReadOnlyStringWrapper errors = new ReadOnlyStringWrapper("");

    ParameterFormModel(
            Runbook runbook,
            IncidentMode mode,
            ParameterSuggestions suggestions,
            TaskRunner tasks,
            Clock clock,
            BiConsumer<Runbook, Map<String, String>> onDeclare) {
        this.runbook = runbook;
        this.mode = mode;
        this.suggestions = suggestions;
        this.tasks = tasks;
        this.clock = clock;
        this.onDeclare = onDeclare;
        this.fields = runbook.params().stream().map(this::field).toList();
        fields.stream().filter(f -> offersChoices(f.param())).forEach(this::offer);
    }

    String title() {
        return runbook.title();
    }

    String targets() {
        return "RTO " + runbook.targets().rto().label() + "  ·  RPO "
                + runbook.targets().rpo().label()
                + (runbook.summary() == null ? "" : "\n" + runbook.summary().strip());
    }

    String declareLabel() {
        return mode == IncidentMode.REHEARSAL ? "Start rehearsal" : "Declare incident";
    }

    List<Field> fields() {
        return fields;
    }

    /** Why the last declaration was refused; empty when none was. */
    ReadOnlyStringProperty errors() {
        return errors.getReadOnlyProperty();
    }

    /** A region or namespace: typed, or chosen from what the operator's account or cluster has. */
    static boolean offersChoices(Param param) {
        return param.type() == ParamType.AWS_REGION || param.type() == ParamType.K8S_NAMESPACE;
    }

    /** The name, starred when the runbook needs a value and has no default. */
    static String label(Param param) {
        return param.name() + (param.required() && param.defaultValue() == null ? " *" : "");
    }

    static String hint(Param param) {
        StringBuilder hint = new StringBuilder(param.hint() == null ? "" : param.hint());
        if (param.min() != null || param.max() != null) {
            hint.append(hint.isEmpty() ? "" : "; ")
                    .append(param.min() == null ? "" : "at least " + param.min())
                    .append(param.min() != null && param.max() != null ? ", " : "")
                    .append(param.max() == null ? "" : "at most " + param.max());
        }
        return hint.toString();
    }

    /** Sets a time to five minutes ago, to the second. */
    void fiveMinutesAgo(Field field) {
        field.value()
                .set(clock.instant()
                        .minus(Duration.ofMinutes(5))
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
    }

    /** Asks the account how far back the runbook's restore can reach, for the values typed so far. */
    void checkRestorableWindow(Field field) {
        field.window().set("Asking AWS...");
        Map<String, String> now = values();
        tasks.run(
                () -> {
                    try {
                        return suggestions
                                .restorableWindow(runbook, now)
                                .orElse("This scenario restores nothing to a point in time");
                    } catch (ActionException failure) {
                        throw new IllegalStateException(failure.getMessage(), failure);
                    }
                },
                field.window()::set,
                problem -> field.window().set("Cannot read the window: " + problem));
    }

    /** Declares, when every value passes; else says why, and nothing is declared or called. */
    void declare() {
        Map<String, String> values = values();
        try {
            ParameterValues.resolve(runbook, values);
        } catch (InvalidParametersException refused) {
            errors.set("Not declared, nothing was called: " + String.join("; ", refused.problems()));
            return;
        }
        errors.set("");
        onDeclare.accept(runbook, values);
    }

    /** The values typed, by name, stripped; blank ones left out. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : fields) {
            String v = field.value().get();
            if (v != null && !v.isBlank()) values.put(field.param().name(), v.strip());
        }
        return values;
    }

    /** How a typed time will be read, counting "ago" from {@code now} (a rehearsal's own clock): the UTC time, or what is wrong with it. */
    static String readBack(String typed, Instant now) {
        if (typed == null || typed.isBlank()) return "";
        try {
            Instant at = Instant.parse(typed.strip());
            Duration ago = Duration.between(at, now);
            return READ_BACK.format(at) + (ago.isNegative() ? ", in the future" : ", " + Durations.human(ago) + " ago");
        } catch (DateTimeParseException e) {
            return "not a UTC time yet: write 2024-01-15T10:25:00Z";
        }
    }

    private Field field(Param param) {
        String start = switch (param.type()) {
            case BOOLEAN -> Boolean.toString(Boolean.parseBoolean(param.defaultValue()));
            case ENUM -> param.defaultValue();
            default -> param.sensitive() || param.defaultValue() == null ? "" : param.defaultValue();
        };
        Field field = new Field(
                param,
                new SimpleStringProperty(start),
                FXCollections.observableArrayList(),
                new SimpleStringProperty(""),
                new SimpleStringProperty(""));
        if (param.type() == ParamType.INSTANT) {
            field.value().addListener((o, was, now) -> field.note().set(readBack(now, clock.instant())));
        }
        return field;
    }

    private void offer(Field field) {
        ParamType type = field.param().type();
        tasks.run(
                () -> {
                    try {
                        return type == ParamType.AWS_REGION ? suggestions.regions() : suggestions.namespaces();
                    } catch (ActionException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                },
                field.offered()::setAll,
                unreadable -> field.note().set("type it (could not list: " + unreadable + ")"));
    }
}
