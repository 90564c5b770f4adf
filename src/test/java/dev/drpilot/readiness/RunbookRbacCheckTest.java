package dev.drpilot.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.action.k8s.MockCluster;
import dev.drpilot.runbook.RequiredPermissions;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes runbooks' precondition: the RBAC verbs they need, asked of fabric8's mock API server
 * (CRUD mode) by SelfSubjectAccessReview. CRUD mode only stores the review and gives it no status (it
 * has no authorizer), so the review endpoint is answered by an expectation that allows every verb but
 * the ones a test denies, as an API server with that user's Role would.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class RunbookRbacCheckTest {

    private static final ReadinessConfig NO_RESOURCES =
            new ReadinessConfig(null, null, null, Duration.ofDays(1), null, null, null, null, null, null, null);

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private final List<String> reviewed = new CopyOnWriteArrayList<>();

    /** The shipped runbooks that act on the cluster alone (no IAM actions), so the report holds only the RBAC row. */
    private static List<Runbook> clusterOnly() {
        ActionCatalog catalog = ActionCatalog.builtIn();
        return new RunbookLoader(catalog)
                .load(List.of(Path.of("runbooks"))).runbooks().stream()
                        .filter(r ->
                                RequiredPermissions.of(r, catalog).iamActions().isEmpty()
                                        && !RequiredPermissions.of(r, catalog)
                                                .rbacVerbsByResource()
                                                .isEmpty())
                        .toList();
    }

    private void answerReviewsDenying(Set<String> denied) {
        ObjectMapper json = new ObjectMapper();
        server.expect()
                .post()
                .withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
                .andReply(201, request -> {
                    try {
                        ObjectNode review =
                                (ObjectNode) json.readTree(request.getBody().readUtf8());
                        JsonNode attributes = review.path("spec").path("resourceAttributes");
                        String resource = attributes.path("resource").asText()
                                + (attributes.hasNonNull("subresource")
                                        ? "/" + attributes.path("subresource").asText()
                                        : "");
                        String check = attributes.path("verb").asText() + " " + resource;
                        reviewed.add(
                                check + " in " + attributes.path("namespace").asText());
                        review.putObject("status").put("allowed", !denied.contains(check));
                        return json.writeValueAsString(review);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .always();
    }

    private ReadinessRow rbacRow() throws Exception {
        List<Runbook> runbooks = clusterOnly();
        assertThat(runbooks).extracting(Runbook::id).contains("druid-pod-failure", "druid-node-failure");
        try (AwsClients aws = new AwsClients(AwsSettings.of(null, "us-west-2", null));
                KubeClients kube =
                        new KubeClients(new KubeSettings(MockCluster.kubeconfig(dir, server, "druid-prod"), null))) {
            List<ReadinessRow> rows = new ReadinessChecks(
                            aws, kube, Clock.systemUTC(), runbooks, ActionCatalog.builtIn(), true)
                    .run(NO_RESOURCES)
                    .rows();
            assertThat(rows).hasSize(1);
            return rows.getFirst();
        }
    }

    @Test
    void everyVerbAllowedIsMetWithOneReviewPerVerbAndResource() throws Exception {
        answerReviewsDenying(Set.of());

        ReadinessRow row = rbacRow();

        assertThat(row.verdict()).as(row.detail()).isEqualTo(Verdict.MET);
        assertThat(row.name()).matches("Runbook preconditions: your Kubernetes RBAC verbs allowed \\(\\d+ runbooks\\)");
        assertThat(row.figure()).isEqualTo("allowed all " + reviewed.size() + " verb/resource pairs in druid");
        assertThat(reviewed)
                .doesNotHaveDuplicates()
                .contains(
                        "list pods in druid",
                        "delete pods in druid",
                        "patch nodes in druid",
                        "create pods/eviction in druid");
    }

    @Test
    void aDeniedVerbIsBreachedNamingTheRunbooksThatNeedIt() throws Exception {
        answerReviewsDenying(Set.of("create pods/eviction", "delete pods"));

        ReadinessRow row = rbacRow();

        assertThat(row.verdict()).isEqualTo(Verdict.BREACHED);
        assertThat(row.figure())
                .startsWith("not allowed create pods/eviction, delete pods in druid, needed by: ")
                .contains("druid-node-failure (create pods/eviction)")
                .contains("druid-pod-failure (delete pods)");
        assertThat(row.detail())
                .startsWith(
                        "Bind your user a Role in druid (or a ClusterRole for nodes) that allows create pods/eviction, delete pods");
    }

    @Test
    void withoutAKubeconfigTheRowIsUnknownAndSaysHowToGetOne() throws Exception {
        try (AwsClients aws = new AwsClients(AwsSettings.of(null, "us-west-2", null));
                KubeClients kube = new KubeClients(new KubeSettings(dir.resolve("no-kubeconfig"), null))) {
            ReadinessRow row = new ReadinessChecks(
                            aws, kube, Clock.systemUTC(), clusterOnly(), ActionCatalog.builtIn(), true)
                    .run(NO_RESOURCES)
                    .rows()
                    .getFirst();

            assertThat(row.verdict()).isEqualTo(Verdict.UNKNOWN);
            assertThat(row.detail())
                    .startsWith("No kubeconfig at " + dir.resolve("no-kubeconfig"))
                    .contains("aws eks update-kubeconfig");
        }
    }
}
