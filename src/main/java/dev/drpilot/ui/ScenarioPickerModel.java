package dev.drpilot.ui;

import dev.drpilot.runbook.Architecture;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookKind;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The scenarios on offer (recoveries first, then drills and the checklist), narrowed by the words
 * typed (in the id, title, symptoms or summary) and by architecture; the first one left is chosen
 * until the operator chooses another.
 */
final class ScenarioPickerModel {

    static final String ALL = "All architectures";
    static final List<String> ARCHITECTURES = List.of(ALL, "Druid", "WebApp");

    private final String heading;
    private final Consumer<Runbook> onPick;
    private final FilteredList<Runbook> shown;
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty architecture = new SimpleStringProperty(ALL);
    private final ObjectProperty<Runbook> selected = new SimpleObjectProperty<>();

    ScenarioPickerModel(String heading, List<Runbook> runbooks, Consumer<Runbook> onPick) {
        this.heading = heading;
        this.onPick = onPick;
        shown = new FilteredList<>(FXCollections.observableArrayList(runbooks.stream()
                .filter(r -> r.kind() == RunbookKind.RECOVERY
                        || r.kind() == RunbookKind.DRILL
                        || r.kind() == RunbookKind.CHECKLIST)
                .sorted(Comparator.comparing((Runbook r) -> r.kind() != RunbookKind.RECOVERY)
                        .thenComparing(Runbook::title))
                .toList()));
        search.addListener((o, was, now) -> filter());
        architecture.addListener((o, was, now) -> filter());
        filter();
    }

    String heading() {
        return heading;
    }

    ObservableList<Runbook> shown() {
        return shown;
    }

    /** Words typed: a symptom, a name, part of an id. */
    StringProperty search() {
        return search;
    }

    StringProperty architecture() {
        return architecture;
    }

    /** The scenario that "Next" takes; null when none is left to choose. */
    ObjectProperty<Runbook> selected() {
        return selected;
    }

    /** Goes on with the chosen scenario, if any. */
    void pick() {
        if (selected.get() != null) onPick.accept(selected.get());
    }

    /** A scenario's targets and architecture, as its line in the list shows them. */
    static String targets(Runbook r) {
        return "RTO " + r.targets().rto().label() + "  ·  RPO "
                + r.targets().rpo().label() + "  ·  " + r.architecture().name().toLowerCase(Locale.ROOT);
    }

    static String symptoms(Runbook r) {
        return r.symptoms().isEmpty() ? "" : "Symptoms: " + String.join("; ", r.symptoms());
    }

    private void filter() {
        String words = search.get() == null
                ? ""
                : search.get().toLowerCase(Locale.ROOT).strip();
        String arch = architecture.get();
        shown.setPredicate(r -> (ALL.equals(arch)
                        || r.architecture() == Architecture.BOTH
                        || r.architecture().name().equalsIgnoreCase(arch))
                && (words.isEmpty() || haystack(r).contains(words)));
        selected.set(shown.isEmpty() ? null : shown.getFirst());
    }

    private static String haystack(Runbook r) {
        return (r.id() + " " + r.title() + " " + String.join(" ", r.symptoms()) + " "
                        + (r.summary() == null ? "" : r.summary()))
                .toLowerCase(Locale.ROOT);
    }
}
