package dev.drpilot.ui;

import dev.drpilot.teamlog.Responder;
import dev.drpilot.teamlog.TeamEvent;
import java.util.List;

/** What the team log tells a screen of an incident, on any thread. */
public interface TeamActivity {

    /** The incident's responders now, present or not. */
    void responders(List<Responder> responders);

    /** An event another laptop wrote, once each, in merged order. */
    void othersEvent(TeamEvent event);
}
