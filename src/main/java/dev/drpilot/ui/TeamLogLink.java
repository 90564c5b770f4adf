package dev.drpilot.ui;

import dev.drpilot.engine.ApprovalDesk;
import dev.drpilot.engine.IncidentRun;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The window's link to the team log (docs/team-log.md): the incidents it shows go there as well,
 * and it says how that stands in one sentence ("team log: up to date", "team log offline, 3 events
 * waiting"). Without a team log it says nothing.
 */
@FunctionalInterface
public interface TeamLogLink extends AutoCloseable {

    /** No team log: this laptop's log only. */
    TeamLogLink NONE = sentence -> {};

    /** Hears the sentence now (when there is one) and whenever it changes, on any thread. */
    void watch(Consumer<String> sentence);

    /** Sends the run's events to the team log as well, from now on. */
    default void follow(IncidentRun run) {}

    /**
     * Follows an incident's responders and the other laptops' events in the team log, on any
     * thread, until the returned handle is closed; without a team log, nothing.
     */
    default AutoCloseable watchTeam(String incidentId, TeamActivity activity) {
        return () -> {};
    }

    /** Where a step's request for a second person's approval goes, while this link has a team log. */
    default Optional<ApprovalDesk> approvals() {
        return Optional.empty();
    }

    /** Stops sending (new settings, the window closes); call before the log closes. */
    @Override
    default void close() {}
}
