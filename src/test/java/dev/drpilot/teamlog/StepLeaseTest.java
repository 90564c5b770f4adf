package dev.drpilot.teamlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drpilot.incident.DaemonThreads;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One runner per step: step leases in the team log, on a real PostgreSQL, between laptops and processes. */
class StepLeaseTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static final Duration SOON = Duration.ofSeconds(30);
    private static final Duration SHORT = Duration.ofSeconds(1);

    private final Writer alice = new Writer("alice", "laptop-alice");
    private final Writer bob = new Writer("bob", "laptop-bob");
    private final List<AutoCloseable> open = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void closeEverything() throws Exception {
        threads.shutdownNow();
        for (AutoCloseable closeable : open.reversed()) closeable.close();
    }

    /** A laptop's connection to the team log, connected (and the tables up to date) before the test starts its clock. */
    private TeamLogStore teamLog() {
        TeamLogStore store = new TeamLogStore(POSTGRES.database());
        open.add(store);
        store.check();
        return store;
    }

    private static StepLease.Taken take(TeamLogStore store, Writer writer, String incident, String step, Duration ttl) {
        return StepLease.take(store, writer, incident, step, ttl, new DaemonThreads("drpilot-step-lease"));
    }

    @Test
    void twoLaptopsRacingForAStepEndWithOneHolderThatBothSee() throws Exception {
        TeamLogStore aliceLog = teamLog();
        TeamLogStore bobLog = teamLog();
        CyclicBarrier together = new CyclicBarrier(2);
        for (int step = 1; step <= 25; step++) {
            String stepId = "restore-" + step;
            Future<LeaseHolder> aliceSees = threads.submit(() -> {
                together.await();
                return aliceLog.acquireLease(alice, "INC-RACE", stepId, SOON);
            });
            Future<LeaseHolder> bobSees = threads.submit(() -> {
                together.await();
                return bobLog.acquireLease(bob, "INC-RACE", stepId, SOON);
            });
            LeaseHolder a = aliceSees.get(30, TimeUnit.SECONDS);
            LeaseHolder b = bobSees.get(30, TimeUnit.SECONDS);

            assertThat(a.heldBy(alice) ^ b.heldBy(bob))
                    .as("exactly one laptop holds " + stepId)
                    .isTrue();
            assertThat(a.holder()).isEqualTo(b.holder());
        }
    }

    @Test
    void theHolderKeepsRenewingItsLeaseAndNoOtherLaptopGetsIt() {
        TeamLogStore aliceLog = teamLog();
        TeamLogStore bobLog = teamLog();
        StepLease.Taken held = take(aliceLog, alice, "INC-RENEW", "restore", SHORT);
        assertThat(held.lease()).isNotNull();

        LeaseHolder first = bobLog.acquireLease(bob, "INC-RENEW", "restore", SOON);
        assertThat(first.holder()).isEqualTo(alice);
        // renewed: the lease ends later than it did, several lifetimes on, and still is alice's
        await().atMost(SOON).untilAsserted(() -> {
            LeaseHolder now = bobLog.acquireLease(bob, "INC-RENEW", "restore", SOON);
            assertThat(now.holder()).isEqualTo(alice);
            assertThat(now.expiresAt()).isAfter(first.expiresAt().plus(SHORT.multipliedBy(3)));
        });
        held.lease().release(false);
    }

    @Test
    void aLeaseWhoseHolderStopsRenewingExpiresAndAnotherLaptopTakesIt() {
        TeamLogStore aliceLog = teamLog();
        TeamLogStore bobLog = teamLog();
        assertThat(aliceLog.acquireLease(alice, "INC-SILENT", "restore", Duration.ofSeconds(5))
                        .heldBy(alice))
                .isTrue();

        assertThat(bobLog.acquireLease(bob, "INC-SILENT", "restore", SOON).holder())
                .isEqualTo(alice);
        await().atMost(SOON)
                .until(() ->
                        bobLog.acquireLease(bob, "INC-SILENT", "restore", SOON).heldBy(bob));
        assertThat(aliceLog.renewLease(alice, "INC-SILENT", "restore", SHORT)).isFalse();
        assertThat(aliceLog.acquireLease(alice, "INC-SILENT", "restore", SHORT).holder())
                .isEqualTo(bob);
    }

    @Test
    void aReleasedLeaseGoesToTheNextLaptopAtOnceButAStepThatSucceededStaysDone() {
        TeamLogStore aliceLog = teamLog();
        TeamLogStore bobLog = teamLog();
        StepLease.Taken failedRun = take(aliceLog, alice, "INC-RELEASE", "restore", SOON);
        assertThat(take(bobLog, bob, "INC-RELEASE", "restore", SOON).lease()).isNull();

        failedRun.lease().release(false);
        StepLease.Taken bobsRun = take(bobLog, bob, "INC-RELEASE", "restore", SOON);
        assertThat(bobsRun.lease()).isNotNull();
        bobsRun.lease().release(true);

        StepLease.Taken afterSuccess = take(aliceLog, alice, "INC-RELEASE", "restore", SOON);
        assertThat(afterSuccess.lease()).isNull();
        assertThat(afterSuccess.holder().holder()).isEqualTo(bob);
        assertThat(afterSuccess.holder().succeededAt()).isNotNull();
        assertThat(afterSuccess.holder().expiresAt()).isNull();
    }

    @Test
    void aLaptopKilledWhileItHoldsALeaseLosesItAndAnotherTakesOver() throws Exception {
        TeamLogStore bobLog = teamLog();
        ProcessBuilder builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LeaseHoldingLaptop.class.getName(),
                        POSTGRES.url(),
                        "INC-KILLED",
                        "failover-dns",
                        "1500")
                .redirectErrorStream(true);
        builder.environment().putAll(POSTGRES.environment());
        Process laptop = builder.start();
        try {
            BufferedReader said =
                    new BufferedReader(new InputStreamReader(laptop.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do line = said.readLine();
            while (line != null && !line.startsWith("held"));
            assertThat(line).isEqualTo("held");

            LeaseHolder first = bobLog.acquireLease(bob, "INC-KILLED", "failover-dns", SOON);
            assertThat(first.holder().responder()).isEqualTo("carol");
            // alive, it renews: its lease outlasts several lifetimes
            await().atMost(SOON)
                    .until(() -> bobLog.acquireLease(bob, "INC-KILLED", "failover-dns", SOON)
                            .expiresAt()
                            .isAfter(first.expiresAt().plusMillis(4500)));
        } finally {
            laptop.destroyForcibly();
        }
        assertThat(laptop.waitFor(30, TimeUnit.SECONDS)).isTrue();

        await().atMost(SOON)
                .until(() -> bobLog.acquireLease(bob, "INC-KILLED", "failover-dns", SOON)
                        .heldBy(bob));
    }
}
