package dev.drpilot.timeline;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.IncidentEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who was on an incident across laptops, for the post-mortem: read from the team log's responder
 * events (joined, left, command handed over), in the team log's merged order. Each responder's
 * role is the one they held at the end: a handover makes its receiver the commander and its giver
 * an operator.
 *
 * @param members   one per responder and laptop, in the order they first joined
 * @param handovers every handover of command, in order
 */
public record TeamRoster(List<Member> members, List<Handover> handovers) {

    /** No team log: the post-mortem has no responders section. */
    public static final TeamRoster NONE = new TeamRoster(List.of(), List.of());

    /**
     * @param laptop   the laptop id the responder joined from
     * @param joinedAt when they (last) joined
     * @param leftAt   when they left, or null when they were still on the incident
     */
    public record Member(String name, String laptop, String role, Instant joinedAt, Instant leftAt) {}

    public record Handover(Instant at, String from, String to) {}

    public TeamRoster {
        members = List.copyOf(members);
        handovers = List.copyOf(handovers);
    }

    /** The roster that {@code events} (the team log's events of one incident, in merged order) describe; other kinds are passed over. */
    public static TeamRoster of(List<IncidentEvent> events) {
        Map<String, Member> byLaptop = new LinkedHashMap<>();
        List<Handover> handovers = new ArrayList<>();
        for (IncidentEvent event : events) {
            switch (event.data()) {
                case EventData.ResponderJoined j ->
                    byLaptop.put(j.laptop(), new Member(j.responder(), j.laptop(), j.role(), event.time(), null));
                case EventData.ResponderLeft l ->
                    byLaptop.computeIfPresent(
                            l.laptop(),
                            (laptop, m) -> new Member(m.name(), laptop, m.role(), m.joinedAt(), event.time()));
                case EventData.CommandHandedOver h -> {
                    handovers.add(new Handover(event.time(), h.from(), h.to()));
                    byLaptop.replaceAll((laptop, m) -> m.leftAt() != null ? m : handedOver(m, h));
                }
                default -> {}
            }
        }
        return new TeamRoster(List.copyOf(byLaptop.values()), handovers);
    }

    private static Member handedOver(Member member, EventData.CommandHandedOver handover) {
        if (member.role().equals("commander") && member.name().equals(handover.from())) {
            return new Member(member.name(), member.laptop(), "operator", member.joinedAt(), null);
        }
        if (member.name().equals(handover.to())) {
            return new Member(member.name(), member.laptop(), "commander", member.joinedAt(), null);
        }
        return member;
    }

    public boolean isEmpty() {
        return members.isEmpty() && handovers.isEmpty();
    }
}
