package dev.drpilot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets in every shape a value can take leave nothing behind; names about a secret are kept. */
class SecretRedactorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SecretRedactor redactor = new SecretRedactor();

    private String redacted(Object value) {
        JsonNode tree = JSON.valueToTree(value);
        return redactor.redact(tree).toString();
    }

    @Test
    void aSecretNamedFieldLosesItsWholeValueWhateverItsShapeAndDepth() {
        Map<String, Object> item = Map.of(
                "apiToken",
                Map.of("S", "c-typed"),
                "password",
                "c-plain",
                "clientSecrets",
                List.of("c-list-1", Map.of("x", "c-list-2")),
                "profile",
                Map.of("M", Map.of("dbPassword", Map.of("M", Map.of("value", Map.of("S", "c-deep"))))),
                "privateKey",
                12345678,
                "attributes",
                List.of(
                        Map.of("Name", "custom:api_key", "Value", "c-pair"),
                        Map.of("Name", Map.of("S", "refresh_token"), "Value", Map.of("S", "c-typed-pair"))),
                "url",
                "https://x.test/cb?access_token=c-query&state=1",
                "body",
                "{\"password\": \"c-json-in-text\"}");

        String out = redacted(item);

        assertThat(out)
                .doesNotContain(
                        "c-typed",
                        "c-plain",
                        "c-list-1",
                        "c-list-2",
                        "c-deep",
                        "12345678",
                        "c-pair",
                        "c-typed-pair",
                        "c-query",
                        "c-json-in-text")
                .contains("state=1", "custom:api_key");
    }

    @Test
    void namesAboutASecretAndOrdinaryTextStay() {
        Map<String, Object> payload = Map.of(
                "secretId",
                "druid-metadata-secret",
                "secretsHandling",
                "omitted 1 Secret(s)",
                "tokenCount",
                3,
                "message",
                "the token expired: run aws sso login");

        assertThat(redacted(payload))
                .contains("druid-metadata-secret", "omitted 1 Secret(s)", "3", "the token expired: run aws sso login");
    }

    @Test
    void aRegisteredSecretIsTakenOutWhereverItAppears() {
        redactor.addSecret("hunter2-long");

        assertThat(redacted(Map.of("note", "typed hunter2-long by mistake", "list", List.of("xhunter2-longx"))))
                .doesNotContain("hunter2-long");
        assertThat(redactor.redactValues(Map.of("outputs", Map.of("k", "hunter2-long"))))
                .hasToString("{outputs={k=[redacted]}}");
    }
}
