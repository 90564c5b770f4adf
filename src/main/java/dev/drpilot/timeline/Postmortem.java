package dev.drpilot.timeline;

import dev.drpilot.engine.IncidentFigures;
import dev.drpilot.engine.RunbookVersions;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.HashChain;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.Targets;
import dev.drpilot.runbook.TimeTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The facts of an incident as a post-mortem needs them: the times that matter (failure,
 * declaration, first action, recovery), with the RTO and RPO achieved against target, and its
 * timeline, which the writers walk as often as they need without it ever being held whole.
 * Built from the log alone (and the runbook, for step titles and targets) in one pass over the
 * events, which keeps only what is small: the step titles, the events that change the figures,
 * and the few events whose time runs behind the ones before them (a note added later), to merge
 * them into place on every later pass. Later passes read the same events: none appended after
 * the first pass.
 */
public final class Postmortem {

    /** The events of one incident in sequence order, up to a sequence: the log, or a list already read. */
    @FunctionalInterface
    public interface Events {
        void forEach(long upToSequence, Consumer<IncidentEvent> each);
    }

    /** Takes one timeline entry at a time; a writer's failure passes through. */
    @FunctionalInterface
    public interface EntrySink {
        void accept(TimelineEntry entry) throws IOException;
    }

    /** Takes one event at a time, as stored; a writer's failure passes through. */
    @FunctionalInterface
    interface EventSink {
        void accept(IncidentEvent event) throws IOException;
    }

    /** The timeline's order: by the time an event is about, then as written. */
    private static final Comparator<IncidentEvent> TIMELINE_ORDER =
            Comparator.comparing(IncidentEvent::effectiveTime).thenComparingLong(IncidentEvent::sequence);

    private final Incident incident;
    private final String runbookTitle;
    private final List<String> symptoms;
    private final Targets targets;
    private final Events events;
    private final Map<String, String> titles;
    private final Summary summary;
    private final IncidentFigures figures;
    private final Runbook runbook;
    private final TeamRoster team;

    /** What the first pass keeps: counts, hashes, kinds present, and the events out of time order. */
    private static final class Summary {
        long count;
        long lastSequence;
        String firstHash;
        String headHash;
        IncidentEvent lastInOrder;
        final HashChain.Check chain = new HashChain.Check();
        final Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        final List<IncidentEvent> countedByFigures = new ArrayList<>();
        final List<IncidentEvent> runbookFiles = new ArrayList<>();
        final TreeSet<IncidentEvent> outOfOrder = new TreeSet<>(TIMELINE_ORDER);
        final Set<Long> outOfOrderSequences = new HashSet<>();

        void add(IncidentEvent e, Map<String, String> titles) {
            if (count++ == 0) firstHash = e.hash();
            lastSequence = e.sequence();
            headHash = e.hash();
            chain.add(e);
            kinds.add(e.kind());
            if (IncidentFigures.counts(e)) countedByFigures.add(e);
            if (e.kind() == EventKind.INCIDENT_DECLARED || e.kind() == EventKind.RUNBOOK_CHANGED) runbookFiles.add(e);
            if (e.kind() == EventKind.STEP_ADDED && e.data() instanceof EventData.StepAdded added) {
                titles.put(String.valueOf(added.id()), String.valueOf(added.title()));
            }
            if (lastInOrder != null && TIMELINE_ORDER.compare(e, lastInOrder) < 0) {
                outOfOrder.add(e);
                outOfOrderSequences.add(e.sequence());
            } else {
                lastInOrder = e;
            }
        }
    }

    private Postmortem(
            Incident incident,
            Optional<Runbook> runbook,
            Events events,
            Map<String, String> titles,
            Summary summary,
            TeamRoster team) {
        this.incident = incident;
        this.runbookTitle = runbook.map(Runbook::title).orElse(incident.runbookId());
        this.symptoms = runbook.map(Runbook::symptoms).orElse(List.of());
        this.targets = runbook.map(Runbook::targets).orElse(null);
        this.events = events;
        this.titles = titles;
        this.summary = summary;
        this.figures = IncidentFigures.of(incident, summary.countedByFigures, runbook.orElse(null));
        this.runbook = runbook.orElse(null);
        this.team = team;
    }

    /** The post-mortem of an incident in the log, read a page at a time on every pass. */
    public static Postmortem fromLog(IncidentLogStore log, Incident incident, Optional<Runbook> runbook) {
        return of(incident, runbook, (upTo, each) -> log.forEachEvent(incident.id(), 0, upTo, each));
    }

    /** The post-mortem of events already read, in sequence order. */
    public static Postmortem of(Incident incident, Optional<Runbook> runbook, List<IncidentEvent> events) {
        return of(
                incident,
                runbook,
                (upTo, each) ->
                        events.stream().filter(e -> e.sequence() <= upTo).forEach(each));
    }

    public static Postmortem of(Incident incident, Optional<Runbook> runbook, Events events) {
        Map<String, String> titles = new HashMap<>();
        runbook.ifPresent(r -> r.steps().forEach(s -> titles.put(s.id(), s.title())));
        Summary summary = new Summary();
        events.forEach(Long.MAX_VALUE, e -> summary.add(e, titles));
        return new Postmortem(incident, runbook, events, titles, summary, TeamRoster.NONE);
    }

    /** The same post-mortem with who was on the incident, read from the team log. */
    public Postmortem withTeam(TeamRoster roster) {
        return new Postmortem(incident, Optional.ofNullable(runbook), events, titles, summary, roster);
    }

    /** Who was on the incident across laptops ({@link TeamRoster#NONE} without a team log). */
    public TeamRoster team() {
        return team;
    }

    public Incident incident() {
        return incident;
    }

    public String runbookTitle() {
        return runbookTitle;
    }

    public List<String> symptoms() {
        return symptoms;
    }

    /** The runbook's targets, or null when the runbook is not known here. */
    public Targets targets() {
        return targets;
    }

    public Instant firstActionAt() {
        return figures.firstActionAt();
    }

    /** Where the RTO achieved ends ({@link IncidentFigures#rtoStoppedAt()}), or null. */
    public Instant recoveredAt() {
        return figures.rtoStoppedAt();
    }

    /** The data lost: from the restore point chosen to the failure's start, or null when unknown. */
    public Duration rpoAchieved() {
        return figures.rpoAchieved();
    }

    /** The hash chain of the events, as verified on the first pass. */
    public HashChain.Verification chain() {
        return summary.chain.result();
    }

    public long eventCount() {
        return summary.count;
    }

    /** The hash of the first event in sequence order (the declaration), or null for none. */
    public String firstHash() {
        return summary.firstHash;
    }

    /** The sequence of the newest event, or 0 for none. */
    public long lastSequence() {
        return summary.lastSequence;
    }

    /** The hash of the newest event, or null for none. */
    public String headHash() {
        return summary.headHash;
    }

    /** The time of the timeline's last entry, or null for none. */
    Instant lastEntryTime() {
        return summary.lastInOrder == null ? null : summary.lastInOrder.effectiveTime();
    }

    /** Whether the timeline has an entry of any of these kinds. */
    boolean has(EventKind... kinds) {
        for (EventKind kind : kinds) {
            if (summary.kinds.contains(kind)) return true;
        }
        return false;
    }

    /** Time from the failure's start to full recovery (the RTO achieved), or null when not recovered. */
    public Duration rtoAchieved() {
        return recoveredAt() == null ? null : Duration.between(incident.startedAt(), recoveredAt());
    }

    /** The runbook file's versions the incident ran, the declared one first; empty in a log written before DR Pilot recorded them. */
    public List<RunbookVersions.Recorded> runbookVersions() {
        return RunbookVersions.of(summary.runbookFiles);
    }

    /**
     * The runbook's versions in words: "druid-rds-corruption.yaml version 3f2a9c01b7de", and each
     * change accepted mid-incident after it.
     */
    public String runbookVersionsText() {
        List<RunbookVersions.Recorded> versions = runbookVersions();
        if (versions.isEmpty()) return "version not recorded (declared before DR Pilot recorded runbook versions)";
        StringBuilder text = new StringBuilder(versions.getFirst().version().label());
        for (RunbookVersions.Recorded changed : versions.subList(1, versions.size())) {
            text.append("; changed mid-incident to ")
                    .append(changed.version().label())
                    .append(" at ")
                    .append(PostmortemMarkdownWriter.time(changed.time()))
                    .append(" (event ")
                    .append(changed.sequence())
                    .append(")");
        }
        return text.toString();
    }

    /** Time from the failure's start to the declaration, when the start was set back. */
    public Duration timeToDeclare() {
        return Duration.between(incident.startedAt(), incident.declaredAt());
    }

    /** Each request for a second person's approval with how long its step waited, and its step's title. */
    public List<IncidentFigures.ApprovalWait> approvalWaits() {
        return figures.approvalWaits();
    }

    /** The title of a step of the runbook (or one added during the incident); its id when not known. */
    public String stepTitle(String stepId) {
        return titles.getOrDefault(stepId, stepId);
    }

    public Duration timeToFirstAction() {
        return firstActionAt() == null ? null : Duration.between(incident.declaredAt(), firstActionAt());
    }

    /** Every entry of the timeline, in its order (time, then sequence). */
    public void entries(EntrySink sink) throws IOException {
        walk(EnumSet.allOf(EventKind.class), sink);
    }

    /** The entries of these kinds, in the timeline's order. */
    public void ofKind(EntrySink sink, EventKind... kinds) throws IOException {
        if (has(kinds)) walk(EnumSet.copyOf(List.of(kinds)), sink);
    }

    /** Every event as stored, in sequence order. */
    void events(EventSink sink) throws IOException {
        try {
            events.forEach(summary.lastSequence, e -> unchecked(() -> sink.accept(e)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * One pass in sequence order, skipping the events out of time order, with each of those let in
     * before the first event that comes after it: the order a sort of every entry would give.
     */
    private void walk(Set<EventKind> kinds, EntrySink sink) throws IOException {
        ArrayDeque<IncidentEvent> late = new ArrayDeque<>(summary.outOfOrder.stream()
                .filter(e -> kinds.contains(e.kind()))
                .toList());
        try {
            events.forEach(summary.lastSequence, e -> {
                if (!kinds.contains(e.kind()) || summary.outOfOrderSequences.contains(e.sequence())) return;
                while (!late.isEmpty() && TIMELINE_ORDER.compare(late.peek(), e) < 0) {
                    IncidentEvent earlier = late.poll();
                    unchecked(() -> sink.accept(entry(earlier)));
                }
                unchecked(() -> sink.accept(entry(e)));
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (IncidentEvent e : late) sink.accept(entry(e));
    }

    private TimelineEntry entry(IncidentEvent e) {
        return new TimelineEntry(
                e.sequence(),
                e.effectiveTime(),
                Duration.between(incident.startedAt(), e.effectiveTime()),
                e.kind(),
                e.actor(),
                e.stepId(),
                e.stepId() == null ? null : titles.getOrDefault(e.stepId(), e.stepId()),
                EventDescriptions.describe(e),
                e.occurredAt() != null,
                e.corrects());
    }

    private interface Writing {
        void run() throws IOException;
    }

    private static void unchecked(Writing writing) {
        try {
            writing.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the achieved time meets the target ("< 5 min" strictly under it; a window up to its end). */
    public static String verdict(Duration achieved, TimeTarget target) {
        if (achieved == null || target == null) return "unknown";
        return target.metBy(achieved) ? "met" : "missed";
    }
}
