package dev.drpilot.engine;

import dev.drpilot.incident.EventData;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** What the log records and the operator reads when a step is not run here because of its lease. */
final class StepHeld {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private StepHeld() {}

    static EventData.StepHeldElsewhere event(StepLeases.HeldElsewhere held) {
        return new EventData.StepHeldElsewhere(held.responder(), held.laptop(), held.until(), held.succeededAt());
    }

    /**
     * "alice on laptop 3f2a is running this step; it is yours if their laptop stops renewing by 14:02:10", in this
     * computer's time zone.
     */
    static String message(StepLeases.HeldElsewhere held) {
        EventData.StepHeldElsewhere event = event(held);
        String who = held.responder() + " on laptop " + event.laptopShort();
        if (held.succeededAt() != null) {
            return who + " ran this step to success at " + time(held.succeededAt())
                    + ": it is done, skip it here with a note";
        }
        return who + " is running this step; it is yours if their laptop stops renewing by " + time(held.until())
                + " (retry then)";
    }

    /** Fail safe: nothing runs while the team log cannot say that nobody else runs it. */
    static String message(StepLeases.Unknown unknown) {
        return "Not run, since the team log could not say whether another laptop runs this step: " + unknown.problem()
                + " Retry once it answers; or, once your team agrees that no one else runs it, run it here anyway"
                + " (the decision is logged) or skip it.";
    }

    private static String time(Instant at) {
        return TIME.format(at.atZone(ZoneId.systemDefault()));
    }
}
