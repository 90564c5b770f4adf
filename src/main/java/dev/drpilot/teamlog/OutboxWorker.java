package dev.drpilot.teamlog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes an outbox on a thread of its own, so that whoever appends to the local log (a step, the
 * operator) never waits for PostgreSQL: a {@link #nudge} after each append asks for a push of
 * every incident it was nudged for, and a push that could not reach the team log (or was refused)
 * is tried again after 1 s, then 2, 4... at most every 30 s, until it goes through.
 */
public final class OutboxWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final Outbox outbox;
    private final ScheduledExecutorService thread;
    private final Set<String> incidents = ConcurrentHashMap.newKeySet();
    private final List<Consumer<OutboxStatus>> listeners = new CopyOnWriteArrayList<>();
    /** A push is asked for and has not begun: further nudges until it begins ask for nothing more. */
    private final AtomicBoolean asked = new AtomicBoolean();

    private volatile OutboxStatus status;
    /** Touched on the worker's thread only. */
    private ScheduledFuture<?> retry;

    private Duration nextRetry = FIRST_RETRY;

    /** @param threads makes the one thread that pushes (the app's {@code DaemonThreads}) */
    public OutboxWorker(Outbox outbox, ThreadFactory threads) {
        this.outbox = outbox;
        this.thread = Executors.newSingleThreadScheduledExecutor(threads);
    }

    /** Asks for a push of this incident's events, and of the others it was nudged for; returns at once. */
    public void nudge(String incidentId) {
        incidents.add(incidentId);
        nudge();
    }

    /** Asks for a push of every incident it was nudged for (with none yet: whether the team log can be reached). */
    public void nudge() {
        if (!asked.compareAndSet(false, true)) return;
        try {
            thread.execute(this::push);
        } catch (RejectedExecutionException closed) {
            asked.set(false);
        }
    }

    /** Hears the status whenever it changes, on the worker's thread. */
    public void onChange(Consumer<OutboxStatus> listener) {
        listeners.add(listener);
    }

    /** The status after the last push; null before the first one ended. */
    public OutboxStatus status() {
        return status;
    }

    /**
     * Pushes now, and waits at most {@code bound} for that push to end: the team log then holds
     * every event, or it could not be reached and the status says how many wait.
     *
     * @return the status after that push, or after the last one when the bound passed first (null if none ended)
     */
    public OutboxStatus drain(Duration bound) throws InterruptedException {
        try {
            Future<?> push = thread.submit(this::push);
            push.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | RejectedExecutionException stillPushingOrClosed) {
            return status;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the team log's outbox failed: " + e.getCause(), e.getCause());
        }
        return status;
    }

    private void push() {
        asked.set(false); // an append from now on asks for another push: this one may have read the log before it
        List<OutboxStatus> each = new ArrayList<>();
        if (incidents.isEmpty()) each.add(outbox.reach());
        for (String incidentId : incidents) {
            each.add(outbox.push(incidentId));
        }
        OutboxStatus now = combined(each);
        if (now.online()) {
            if (retry != null) retry.cancel(false);
            retry = null;
            nextRetry = FIRST_RETRY;
        } else if (retry == null || retry.isDone()) {
            retry = thread.schedule(this::push, nextRetry.toMillis(), TimeUnit.MILLISECONDS);
            nextRetry =
                    nextRetry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : nextRetry.multipliedBy(2);
        }
        if (status == null || now.online() != status.online()) {
            if (now.online()) LOG.info("Team log: up to date");
            else LOG.info("Team log: {}: {}", now.sentence(), now.problem());
        }
        if (!now.equals(status)) {
            status = now;
            for (Consumer<OutboxStatus> listener : listeners) listener.accept(now);
        }
    }

    /** All incidents in one status: the events waiting of them all, and the first problem. */
    private static OutboxStatus combined(List<OutboxStatus> each) {
        OutboxStatus failed = each.stream().filter(s -> !s.online()).findFirst().orElse(null);
        if (failed == null) return OutboxStatus.UP_TO_DATE;
        return new OutboxStatus(
                each.stream().mapToLong(OutboxStatus::waiting).sum(),
                each.stream().allMatch(OutboxStatus::exact),
                failed.problem(),
                failed.offline());
    }

    /** Stops pushing (a push under way ends first); what waits goes with the next push of a later run. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
