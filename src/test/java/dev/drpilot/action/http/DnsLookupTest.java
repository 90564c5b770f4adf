package dev.drpilot.action.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.AdHocRunbook;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.IncidentLogStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failover DNS check (the guide's dig @resolver) against a DNS server the test runs on loopback. */
class DnsLookupTest {

    private static final String STEP = """
              - { id: dns, title: DNS, phase: validation, action: dns.lookup, with: { name: api.example.com, resolver: "${resolver}", type: "${type}", expect: "${expect}" } }
            """;

    @TempDir
    Path dir;

    @Test
    void theAnswerIsComparedWithTheFailoverTarget() throws Exception {
        try (StubDnsServer dns = new StubDnsServer();
                IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            dns.answer("api.example.com", "CNAME", "api-dr.example.com");
            dns.answer("api.example.com", "A", "10.1.2.3");

            IncidentRun failedOver = AdHocRunbook.run(
                    dir,
                    log,
                    STEP,
                    Map.of("resolver", dns.address(), "type", "CNAME", "expect", "api-dr.example.com"),
                    "resolver",
                    "type",
                    "expect");
            assertThat(failedOver.step("dns").state())
                    .as(failedOver.step("dns").message())
                    .isEqualTo(StepState.SUCCEEDED);
            assertThat(failedOver.step("dns").outputs())
                    .containsEntry("matches", true)
                    .containsEntry("answers", List.of("api-dr.example.com."));

            IncidentRun notYet = AdHocRunbook.run(
                    dir,
                    log,
                    STEP,
                    Map.of("resolver", dns.address(), "type", "A", "expect", "10.9.9.9"),
                    "resolver",
                    "type",
                    "expect");
            assertThat(notYet.step("dns").state()).isEqualTo(StepState.FAILED);
            assertThat(notYet.step("dns").message())
                    .isEqualTo(
                            "api.example.com A @" + dns.address()
                                    + ": 10.1.2.3, not the expected 10.9.9.9: the failover has not reached this resolver yet (TTL) or did not happen");
        }
    }

    @Test
    void aNameThatDoesNotExistIsSaidSo() throws Exception {
        try (StubDnsServer dns = new StubDnsServer();
                IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun run = AdHocRunbook.run(
                    dir,
                    log,
                    STEP,
                    Map.of("resolver", dns.address(), "type", "A", "expect", "10.1.2.3"),
                    "resolver",
                    "type",
                    "expect");

            assertThat(run.step("dns").state()).isEqualTo(StepState.FAILED);
            assertThat(run.step("dns").message())
                    .isEqualTo("api.example.com does not exist (NXDOMAIN) at " + dns.address());
        }
    }
}
