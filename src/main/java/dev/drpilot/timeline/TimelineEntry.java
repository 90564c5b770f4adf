package dev.drpilot.timeline;

import dev.drpilot.incident.EventKind;
import java.time.Duration;
import java.time.Instant;

/**
 * One line of a post-mortem timeline: an incident-log event in words.
 *
 * @param sinceStart time from the incident's start (the failure's beginning when known)
 * @param addedLater a note written after the moment it is about
 */
public record TimelineEntry(
        long sequence,
        Instant time,
        Duration sinceStart,
        EventKind kind,
        String actor,
        String stepId,
        String stepTitle,
        String text,
        boolean addedLater,
        Long corrects) {}
