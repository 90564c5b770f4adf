package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.ApprovalDecision;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/** The DNS failover steps of the WebApp region-failure runbook on moto: approved by a second person, confirmed, changed, INSYNC. */
class DnsFailoverTest {

    @TempDir
    Path dir;

    @Test
    void failsTheApiNameOverToTheDrRegionAfterTheTypedConfirmation() throws Exception {
        try (MotoServer moto = MotoServer.start();
                AwsClients aws = new AwsClients(moto.settings("us-east-1"));
                IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            Route53Client route53 = aws.get(Route53Client.class, Route53Client::builder, null);
            String zone = route53.createHostedZone(r -> r.name("example.com").callerReference("test"))
                    .hostedZone()
                    .id()
                    .replace("/hostedzone/", "");
            Runbook runbook = new RunbookLoader(ActionCatalog.builtIn())
                    .load(List.of(Path.of("runbooks/webapp-region-failure.yaml")))
                    .runbooks()
                    .get(0);
            IncidentRun run = DrPilotServices.fromEnvironment()
                    .engine(log, aws)
                    .declare(
                            runbook,
                            Map.of(
                                    "hostedZoneId",
                                    zone,
                                    "backupArn",
                                    "arn:aws:dynamodb:us-east-1:123456789012:table/webapp-users/backup/b1"),
                            new NewIncident(runbook.id(), runbook.title(), IncidentMode.REHEARSAL, null, null, null));

            run.start("dns").get(60, TimeUnit.SECONDS);
            assertThat(run.step("dns").state()).isEqualTo(StepState.AWAITING_APPROVAL);
            EventData.ApprovalRequested request = run.team().approvalRequest("dns");
            assertThat(request.command())
                    .startsWith("aws route53 change-resource-record-sets --hosted-zone-id " + zone);
            assertThat(request.target()).isEqualTo("api.example.com");
            String me = System.getProperty("user.name");
            assertThat(request.requestedBy()).isEqualTo(me);
            assertThatThrownBy(() -> run.team().decideApproval("dns", new ApprovalDecision.Given(me, "my own step")))
                    .hasMessage(me + " asked for this approval and cannot give it: a second person must approve it");
            assertThat(run.step("dns").state()).isEqualTo(StepState.AWAITING_APPROVAL);
            run.team()
                    .decideApproval("dns", new ApprovalDecision.Given("bob", "the DR region is healthy"))
                    .get(60, TimeUnit.SECONDS);
            assertThat(run.step("dns").state()).isEqualTo(StepState.AWAITING_CONFIRMATION);
            assertThat(run.confirmationText("dns")).isEqualTo("api.example.com");
            run.confirm("dns", "api.example.com").get(60, TimeUnit.SECONDS);
            run.start("dns-insync").get(60, TimeUnit.SECONDS);

            assertThat(run.step("dns").state()).isEqualTo(StepState.SUCCEEDED);
            assertThat(run.step("dns-insync").outputs()).containsEntry("status", "INSYNC");
            ResourceRecordSet record =
                    route53.listResourceRecordSets(r -> r.hostedZoneId(zone)).resourceRecordSets().stream()
                            .filter(s -> s.name().startsWith("api.example.com"))
                            .findFirst()
                            .orElseThrow();
            assertThat(record.resourceRecords().get(0).value()).isEqualTo("api-dr.example.com");
            assertThat(record.ttl()).isEqualTo(60L);
        }
    }
}
