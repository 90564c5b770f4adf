package dev.drpilot.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventStore} must do, whatever holds its events. A store's test extends this
 * and says how to open a store on its storage (a second call opens a second writer on the same
 * storage, as a second process would) and how to run a process that appends until it is killed.
 */
public abstract class EventStoreContract {

    private static final String INCIDENT = "INC-20261130-0300-c0de";
    private final List<EventStore> opened = new ArrayList<>();

    /** A store on this test's storage; every call opens another writer on the same storage. */
    protected abstract EventStore openStore();

    /**
     * A process that opens a store on this test's storage and appends notes of {@code incidentId}
     * one at a time, each chained onto its tail, printing "ACK n" when the append of event n has
     * returned, until it is killed.
     */
    protected abstract ProcessBuilder appendingUntilKilled(String incidentId);

    private EventStore store() {
        EventStore store = openStore();
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(EventStore::close);
    }

    @Test
    void whatIsAppendedIsReadBackAsItWasInOrder() {
        EventStore store = store();
        List<IncidentEvent> first = ChainedNotes.after(store.tail(INCIDENT), INCIDENT, 3, "first");
        store.append(first);
        List<IncidentEvent> more = ChainedNotes.after(store.tail(INCIDENT), INCIDENT, 2, "more");
        store.append(more);

        List<IncidentEvent> all = new ArrayList<>(first);
        all.addAll(more);
        assertThat(store.events(INCIDENT, 0)).containsExactlyElementsOf(all);
        assertThat(store.events(INCIDENT, 3)).containsExactlyElementsOf(more);
        assertThat(store.events(INCIDENT, 5)).isEmpty();
        assertThat(store.events("INC-20261130-0300-0000", 0)).isEmpty();
    }

    @Test
    void theTailIsTheNewestEventOfEachIncident() {
        EventStore store = store();
        assertThat(store.tail(INCIDENT)).isEqualTo(EventStore.Tail.NONE);
        List<IncidentEvent> events = ChainedNotes.after(EventStore.Tail.NONE, INCIDENT, 4, "note");
        store.append(events);
        store.append(ChainedNotes.after(EventStore.Tail.NONE, "REH-20261130-0300-0001", 1, "other"));

        assertThat(store.tail(INCIDENT))
                .isEqualTo(new EventStore.Tail(4, events.getLast().hash()));
        assertThat(store.tail("REH-20261130-0300-0001").sequence()).isEqualTo(1);
    }

    @Test
    void anEventThatDoesNotFollowTheTailIsRefusedAndNothingOfItsAppendIsStored() {
        EventStore store = store();
        store.append(ChainedNotes.after(EventStore.Tail.NONE, INCIDENT, 2, "kept"));
        EventStore.Tail tail = store.tail(INCIDENT);

        List<IncidentEvent> gap = ChainedNotes.after(new EventStore.Tail(3, tail.hash()), INCIDENT, 1, "after a gap");
        assertThatThrownBy(() -> store.append(gap)).isInstanceOf(ChainConflictException.class);
        List<IncidentEvent> forked =
                ChainedNotes.after(new EventStore.Tail(2, HashChain.GENESIS), INCIDENT, 1, "forked");
        assertThatThrownBy(() -> store.append(forked)).isInstanceOf(ChainConflictException.class);
        List<IncidentEvent> again = ChainedNotes.after(
                new EventStore.Tail(1, store.events(INCIDENT, 0).getFirst().hash()), INCIDENT, 1, "again");
        assertThatThrownBy(() -> store.append(again)).isInstanceOf(ChainConflictException.class);

        List<IncidentEvent> brokenInTheMiddle = new ArrayList<>(ChainedNotes.after(tail, INCIDENT, 3, "batch"));
        brokenInTheMiddle.set(2, ChainedNotes.note(INCIDENT, 5, HashChain.GENESIS, "does not follow 4"));
        assertThatThrownBy(() -> store.append(brokenInTheMiddle)).isInstanceOf(ChainConflictException.class);

        assertThat(store.events(INCIDENT, 0)).hasSize(2);
        assertThat(store.tail(INCIDENT)).isEqualTo(tail);
    }

    @Test
    void anEventWhoseHashIsNotItsContentsIsRefused() {
        EventStore store = store();
        IncidentEvent event =
                ChainedNotes.after(EventStore.Tail.NONE, INCIDENT, 1, "note").getFirst();
        IncidentEvent tampered = ChainedNotes.withHash(event, HashChain.GENESIS.replace('0', 'a'));

        assertThatThrownBy(() -> store.append(List.of(tampered))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.events(INCIDENT, 0)).isEmpty();
    }

    @Test
    void aBatchOfAThousandIsStoredWholeAndItsChainHolds() {
        EventStore store = store();
        store.append(ChainedNotes.after(EventStore.Tail.NONE, INCIDENT, 1, "first"));
        store.append(ChainedNotes.after(store.tail(INCIDENT), INCIDENT, 1_000, "key"));

        List<IncidentEvent> events = store.events(INCIDENT, 0);
        assertThat(events).hasSize(1_001);
        assertThat(HashChain.verify(events).intact()).isTrue();
    }

    @Test
    void concurrentWritersNeverLoseOrForkAnEvent() throws Exception {
        List<EventStore> writers = List.of(store(), store());
        writers.getFirst().append(ChainedNotes.after(EventStore.Tail.NONE, INCIDENT, 1, "declared"));
        int threads = 4;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> conflicts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                EventStore writer = writers.get(t % writers.size());
                String text = "writer " + t;
                conflicts.add(pool.submit(() -> {
                    start.await();
                    int conflicted = 0;
                    for (int i = 0; i < each; ) {
                        try {
                            writer.append(ChainedNotes.after(writer.tail(INCIDENT), INCIDENT, 1, text));
                            i++;
                        } catch (ChainConflictException e) {
                            conflicted++;
                        }
                    }
                    return conflicted;
                }));
            }
            start.countDown();
            for (Future<Integer> done : conflicts) done.get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        for (EventStore reader : writers) {
            List<IncidentEvent> events = reader.events(INCIDENT, 0);
            assertThat(events).hasSize(1 + threads * each);
            assertThat(HashChain.verify(events).intact()).isTrue();
            for (int t = 0; t < threads; t++) {
                String text = "\"writer " + t + " ";
                assertThat(events.stream()
                                .filter(e -> e.payload().contains(text))
                                .count())
                        .isEqualTo(each);
            }
        }
    }

    @Test
    void everyAcknowledgedEventSurvivesAWriterKilledMidAppend() throws Exception {
        Process child = appendingUntilKilled(INCIDENT).redirectErrorStream(true).start();
        long acknowledged = 0;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged < 30 && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) acknowledged = Long.parseLong(line.substring(4));
            }
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("the child appended before it was killed").isEqualTo(30);

        EventStore store = store();
        List<IncidentEvent> events = store.events(INCIDENT, 0);
        assertThat(events.size()).isGreaterThanOrEqualTo((int) acknowledged);
        assertThat(HashChain.verify(events).intact()).isTrue();
        store.append(ChainedNotes.after(store.tail(INCIDENT), INCIDENT, 1, "after the crash"));
        assertThat(store.events(INCIDENT, 0)).hasSize(events.size() + 1);
    }
}
