package dev.drpilot.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import dev.drpilot.action.aws.MotoAws;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The runbooks' precondition that the operator may call their IAM actions. moto 5.2.1 does not
 * implement IAM SimulatePrincipalPolicy (HTTP 500 with an HTML page; its log says "has not been
 * implemented"): on moto the row is unknown and says so. The simulation itself is tested against a tiny local HTTP server that answers
 * STS GetCallerIdentity and IAM SimulatePrincipalPolicy with responses in AWS's documented XML format
 * (the examples of the IAM and STS API references), with one decision per action the request asks about.
 */
class RunbookIamCheckTest {

    @RegisterExtension
    static final MotoAws moto = new MotoAws("us-west-2");

    private static final ReadinessConfig NO_RESOURCES =
            new ReadinessConfig(null, null, null, Duration.ofDays(1), null, null, null, null, null, null, null);

    /** No kubeconfig: the Kubernetes precondition row is unknown, and these tests read the IAM one. */
    private static final KubeClients NO_CLUSTER = new KubeClients(new KubeSettings(Path.of("no-kubeconfig"), null));

    private HttpServer server;
    private final List<Map<String, List<String>>> simulated = new ArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    private static List<Runbook> shipped() {
        return new RunbookLoader(ActionCatalog.builtIn())
                .load(List.of(Path.of("runbooks")))
                .runbooks();
    }

    @Test
    void onMotoWhichHasNoPolicySimulatorTheRowIsUnknownAndSaysWhy() {
        ReadinessReport report = new ReadinessChecks(
                        moto.aws(), NO_CLUSTER, Clock.systemUTC(), shipped(), ActionCatalog.builtIn(), true)
                .run(NO_RESOURCES);

        ReadinessRow row = iamRow(report.rows());
        assertThat(row.name()).matches("Runbook preconditions: your IAM actions allowed \\(\\d+ runbooks\\)");
        assertThat(row.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(row.detail())
                .isEqualTo(
                        "The AWS endpoint in use (" + moto.server().endpoint
                                + ") does not implement IAM SimulatePrincipalPolicy"
                                + " (HTTP 500 without an AWS error), so permissions cannot be simulated there: check them against docs/permissions.md.");
    }

    @Test
    void actionsTheSimulatorDeniesAreNamedWithTheRunbooksThatNeedThem() throws Exception {
        ReadinessRow row = runAgainstSimulator(Set.of("route53:ChangeResourceRecordSets", "rds:DeleteDBInstance"));

        assertThat(row.verdict()).isEqualTo(Verdict.BREACHED);
        assertThat(row.figure())
                .startsWith("arn:aws:iam::123456789012:role/dr-operator lacks 2 action(s), needed by ")
                .contains("druid-region-failure (route53:ChangeResourceRecordSets)")
                .contains("dr-drill-monthly (rds:DeleteDBInstance)")
                .contains("webapp-region-failure (route53:ChangeResourceRecordSets)")
                .doesNotContain("druid-pod-failure");
        assertThat(row.detail())
                .isEqualTo(
                        "Ask for rds:DeleteDBInstance, route53:ChangeResourceRecordSets (docs/permissions.md has each runbook's policy),"
                                + " or run those runbooks with a profile that has them.");
        // the assumed-role session is simulated as its role, over the actions of every runbook at once
        assertThat(simulated).hasSize(1);
        assertThat(simulated.getFirst().get("PolicySourceArn"))
                .containsExactly("arn:aws:iam::123456789012:role/dr-operator");
        assertThat(simulated.getFirst().get("ActionNames"))
                .contains(
                        "route53:ChangeResourceRecordSets",
                        "rds:DeleteDBInstance",
                        "dynamodb:RestoreTableToPointInTime",
                        "s3:GetBucketVersioning")
                .doesNotHaveDuplicates();
    }

    @Test
    void everyActionAllowedIsMet() throws Exception {
        ReadinessRow row = runAgainstSimulator(Set.of());

        assertThat(row.verdict()).isEqualTo(Verdict.MET);
        assertThat(row.figure()).matches("arn:aws:iam::123456789012:role/dr-operator is allowed all \\d+ IAM actions");
    }

    private ReadinessRow runAgainstSimulator(Set<String> denied) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Map<String, List<String>> form =
                    form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String action = form.getOrDefault("Action", List.of("")).getFirst();
            String xml = switch (action) {
                case "GetCallerIdentity" -> """
                        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                          <GetCallerIdentityResult>
                            <Arn>arn:aws:sts::123456789012:assumed-role/dr-operator/alice</Arn>
                            <UserId>AROACKCEVSQ6C2EXAMPLE:alice</UserId>
                            <Account>123456789012</Account>
                          </GetCallerIdentityResult>
                          <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
                        </GetCallerIdentityResponse>""";
                case "SimulatePrincipalPolicy" -> {
                    simulated.add(form);
                    StringBuilder members = new StringBuilder();
                    for (String name : form.getOrDefault("ActionNames", List.of())) {
                        members.append("<member><EvalActionName>")
                                .append(name)
                                .append("</EvalActionName><EvalResourceName>*</EvalResourceName>")
                                .append("<EvalDecision>")
                                .append(denied.contains(name) ? "implicitDeny" : "allowed")
                                .append("</EvalDecision>")
                                .append("<MatchedStatements/><MissingContextValues/></member>");
                    }
                    yield """
                            <SimulatePrincipalPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                              <SimulatePrincipalPolicyResult>
                                <IsTruncated>false</IsTruncated>
                                <EvaluationResults>%s</EvaluationResults>
                              </SimulatePrincipalPolicyResult>
                              <ResponseMetadata><RequestId>004d7059-4c14-11e5-b121-bd8c7EXAMPLE</RequestId></ResponseMetadata>
                            </SimulatePrincipalPolicyResponse>""".formatted(members);
                }
                default -> null;
            };
            byte[] body = (xml == null
                            ? "<ErrorResponse><Error><Code>InvalidAction</Code><Message>" + action
                                    + "</Message></Error></ErrorResponse>"
                            : xml)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(xml == null ? 400 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        AwsSettings settings = new AwsSettings(
                null,
                "us-west-2",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "not-a-secret")));
        try (AwsClients aws = new AwsClients(settings)) {
            return iamRow(
                    new ReadinessChecks(aws, NO_CLUSTER, Clock.systemUTC(), shipped(), ActionCatalog.builtIn(), true)
                            .run(NO_RESOURCES)
                            .rows());
        }
    }

    private static ReadinessRow iamRow(List<ReadinessRow> rows) {
        assertThat(rows)
                .extracting(ReadinessRow::name)
                .hasSize(2)
                .anyMatch(n -> n.startsWith("Runbook preconditions: your Kubernetes RBAC verbs"));
        return rows.stream()
                .filter(r -> r.name().startsWith("Runbook preconditions: your IAM actions"))
                .findFirst()
                .orElseThrow();
    }

    /** A form body's values by name, with the query protocol's list members ("ActionNames.member.3") gathered under their list's name. */
    private static Map<String, List<String>> form(String body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            String name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8).replaceAll("\\.member\\.\\d+$", "");
            values.computeIfAbsent(name, k -> new ArrayList<>())
                    .add(kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return values;
    }
}
