package dev.drpilot.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.HashChain;
import dev.drpilot.incident.IncidentEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who was on an incident, as the team log's responder events in merged order tell it. */
class TeamRosterTest {

    private static final Instant START = Instant.parse("2026-11-30T02:00:00Z");

    private final List<IncidentEvent> events = new ArrayList<>();

    private void at(int minute, EventData data) {
        String previous =
                events.isEmpty() ? HashChain.GENESIS : events.getLast().hash();
        events.add(
                HashChain.next("INC-1", events.size() + 1, START.plusSeconds(60L * minute), "someone", data, previous));
    }

    @Test
    void commandPassesOnAndBackAndTheRolesAreTheOnesHeldAtTheEnd() {
        at(0, new EventData.ResponderJoined("alice", "laptop-a", "commander"));
        at(1, new EventData.ResponderJoined("bob", "laptop-b", "operator"));
        at(2, new EventData.Note("not a responder event"));
        at(3, new EventData.CommandHandedOver("alice", "bob"));
        at(4, new EventData.ResponderJoined("carol", "laptop-c", "scribe"));
        at(5, new EventData.CommandHandedOver("bob", "carol"));
        at(6, new EventData.ResponderLeft("bob", "laptop-b"));

        TeamRoster roster = TeamRoster.of(events);

        assertThat(roster.members())
                .extracting(TeamRoster.Member::name, TeamRoster.Member::role, TeamRoster.Member::leftAt)
                .containsExactly(
                        tuple("alice", "operator", null),
                        tuple("bob", "operator", START.plusSeconds(360)),
                        tuple("carol", "commander", null));
        assertThat(roster.handovers())
                .extracting(TeamRoster.Handover::from, TeamRoster.Handover::to)
                .containsExactly(tuple("alice", "bob"), tuple("bob", "carol"));
    }

    @Test
    void aResponderWhoLeftAndJoinedAgainIsOnTheIncidentInTheirNewRole() {
        at(0, new EventData.ResponderJoined("bob", "laptop-b", "operator"));
        at(10, new EventData.ResponderLeft("bob", "laptop-b"));
        at(20, new EventData.ResponderJoined("bob", "laptop-b", "observer"));

        assertThat(TeamRoster.of(events).members())
                .extracting(TeamRoster.Member::role, TeamRoster.Member::joinedAt, TeamRoster.Member::leftAt)
                .containsExactly(tuple("observer", START.plusSeconds(1200), null));
    }

    @Test
    void withoutResponderEventsTheRosterIsEmpty() {
        at(0, new EventData.Note("alone"));

        assertThat(TeamRoster.of(events).isEmpty()).isTrue();
    }
}
