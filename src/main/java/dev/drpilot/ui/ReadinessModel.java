package dev.drpilot.ui;

import dev.drpilot.readiness.ReadinessLog;
import dev.drpilot.readiness.ReadinessReport;
import dev.drpilot.readiness.ReadinessRow;
import dev.drpilot.readiness.ReadinessTrend;
import dev.drpilot.readiness.Verdict;
import dev.drpilot.readiness.VerdictChanges;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Readiness screen's state: the rows of the newest run kept in the log (name, figure, target,
 * verdict, what to fix, since when), when it was checked, the runs before it, and "Check now", which
 * measures the account off the screen's thread and keeps the run in the log.
 */
final class ReadinessModel {

    static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** Breached rows first, then those that could not be read, in the guide's order within each. */
    private static final List<Verdict> FIRST_SHOWN = List.of(Verdict.BREACHED, Verdict.UNKNOWN, Verdict.MET);

    /** One row as the table shows it. */
    record Row(String name, String figure, String target, String verdict, String fix, String since) {
        /** The row as Ctrl+C copies it: one line per column, named, the empty ones left out. */
        String asText() {
            StringBuilder text = new StringBuilder(verdict.toUpperCase(java.util.Locale.ROOT) + ": " + name);
            line(text, "Measured", figure);
            line(text, "Goal", target);
            line(text, "What to fix, or why unknown", fix);
            line(text, "Since", since);
            return text.toString();
        }

        private static void line(StringBuilder text, String heading, String value) {
            if (value != null && !value.isBlank())
                text.append('\n').append(heading).append(": ").append(value);
        }
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper lastCheck = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final TaskRunner tasks;
    private final Supplier<ReadinessReport> check;
    private final ReadinessLog kept;
    private final Consumer<List<ReadinessRow>> breached;

    /**
     * @param check    measures the account now (the settings' AWS profile, region and endpoint)
     * @param kept     the runs kept in the incident log
     * @param breached hears the rows breached since the run before, to raise a notice
     */
    ReadinessModel(
            TaskRunner tasks,
            Supplier<ReadinessReport> check,
            ReadinessLog kept,
            Consumer<List<ReadinessRow>> breached) {
        this.tasks = tasks;
        this.check = check;
        this.kept = kept;
        this.breached = breached;
    }

    ObservableList<Row> rows() {
        return rows;
    }

    /** A line per run kept, newest first: when, and how many rows met, breached, unknown. */
    ObservableList<String> history() {
        return history;
    }

    ReadOnlyStringProperty lastCheck() {
        return lastCheck.getReadOnlyProperty();
    }

    /** Why the account could not be read at all (no credentials, no network), in words; empty otherwise. */
    ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty checking() {
        return checking.getReadOnlyProperty();
    }

    /** Shows the runs kept in the log. */
    void load() {
        tasks.run(kept::trend, this::show, problem::set);
    }

    /** Measures the account now, keeps the run in the log, and shows it. */
    void checkNow() {
        if (checking.get()) return;
        checking.set(true);
        lastCheck.set("Checking the account...");
        tasks.run(
                () -> {
                    ReadinessReport before = kept.trend().newest();
                    ReadinessReport report = check.get();
                    kept.keep(report);
                    return new Checked(VerdictChanges.newlyBreached(before, report), kept.trend());
                },
                checked -> {
                    checking.set(false);
                    show(checked.trend());
                    if (!checked.breached().isEmpty()) breached.accept(checked.breached());
                },
                failure -> {
                    checking.set(false);
                    lastCheck.set("");
                    problem.set(failure);
                });
    }

    private record Checked(List<ReadinessRow> breached, ReadinessTrend trend) {}

    private void show(ReadinessTrend trend) {
        ReadinessReport newest = trend.newest();
        if (newest == null) {
            lastCheck.set("Not checked yet: Check now measures the account and keeps the result in the log.");
            rows.clear();
            history.clear();
            return;
        }
        problem.set(unreadable(newest));
        lastCheck.set("Last checked " + UTC.format(newest.checkedAt())
                + (newest.identity() == null ? "" : " as " + newest.identity()) + ": " + newest.count(Verdict.MET)
                + " met, " + newest.count(Verdict.BREACHED) + " breached, " + newest.count(Verdict.UNKNOWN)
                + " unknown");
        rows.setAll(trend.rows().stream()
                .sorted(java.util.Comparator.comparingInt(
                        t -> FIRST_SHOWN.indexOf(t.row().verdict())))
                .map(t -> new Row(
                        t.row().name(),
                        t.row().figure(),
                        t.row().target(),
                        t.row().verdict().word(),
                        t.row().detail(),
                        UTC.format(t.since())
                                + (t.before() == null
                                        ? ""
                                        : " (was " + t.before().word() + ")")))
                .toList());
        history.setAll(trend.reports().reversed().stream()
                .map(r -> UTC.format(r.checkedAt()) + ": " + r.count(Verdict.MET) + " met, " + r.count(Verdict.BREACHED)
                        + " breached, " + r.count(Verdict.UNKNOWN) + " unknown")
                .toList());
    }

    /**
     * When no call reached the account (no identity, every row unknown), the reason of the first row, which
     * names the missing credentials or profile; empty otherwise.
     */
    private static String unreadable(ReadinessReport report) {
        boolean nothingRead = report.identity() == null
                && !report.rows().isEmpty()
                && report.count(Verdict.UNKNOWN) == report.rows().size();
        return nothingRead
                ? "The account could not be read, so every row is unknown: "
                        + report.rows().getFirst().detail()
                        + " Set the AWS profile, region or endpoint in Settings, then Check now."
                : "";
    }
}
