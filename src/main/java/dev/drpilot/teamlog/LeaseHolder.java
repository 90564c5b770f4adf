package dev.drpilot.teamlog;

import java.time.Instant;

/**
 * Who holds the lease of an incident's step in the team log, as the server's clock tells it.
 *
 * @param holder      the responder and laptop that run (or ran) the step
 * @param expiresAt   when another laptop may take it if the holder stops renewing; null once the step succeeded
 * @param succeededAt when the holder ran the step to success (no one else runs it then), else null
 */
public record LeaseHolder(Writer holder, Instant expiresAt, Instant succeededAt) {

    /** Whether this is {@code writer}'s own lease (the same laptop). */
    public boolean heldBy(Writer writer) {
        return holder.laptop().equals(writer.laptop());
    }
}
