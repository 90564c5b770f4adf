package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.MotoServer;
import dev.drpilot.app.DrPilotCommand;
import dev.drpilot.app.Main;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Secret parameters given on standard input, in a file, in the environment, at a terminal prompt,
 * or (warned about) with -p: each reaches its step (moto's Secrets Manager holds it afterwards),
 * and none appears in the terminal's output or anywhere in the log's H2 file.
 */
class SecretParametersTest {

    private static final String RUNBOOK = """
            id: rotate-credentials
            title: Rotate the database and API credentials
            architecture: both
            kind: recovery
            targets: { rto: none, rpo: none }
            params:
              - { name: dbPassword, type: secret, pattern: ".{16,}" }
              - { name: apiToken, type: secret }
            steps:
              - id: db
                title: Store the database password
                phase: recovery
                action: aws.secretsmanager.updateSecret
                with: { secretId: db-credentials, secretString: "${dbPassword}" }
                confirm: db-credentials
              - id: api
                title: Store the API token
                phase: recovery
                action: aws.secretsmanager.updateSecret
                with: { secretId: api-credentials, secretString: "${apiToken}" }
                confirm: api-credentials
            """;

    @TempDir
    Path dir;

    private Path runbooks;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeRunbook() throws IOException {
        runbooks = Files.createDirectories(dir.resolve("runbooks"));
        Files.writeString(runbooks.resolve("rotate-credentials.yaml"), RUNBOOK);
    }

    private String log() {
        return dir.resolve("log").toString();
    }

    /** The command in this JVM, its input on System.in. */
    private int drpilot(String input, String... args) {
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine line = DrPilotCommand.commandLine(DrPilotServices.fromEnvironment());
            line.setOut(new PrintWriter(out, true));
            line.setErr(new PrintWriter(err, true));
            return line.execute(args);
        } finally {
            System.setIn(stdin);
        }
    }

    /** The command in its own process against moto, with this environment and input; its exit status, output in {@code output}. */
    private int child(
            MotoServer moto, Map<String, String> environment, String input, StringBuilder output, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--runbooks", runbooks.toString(), "--log", log()));
        Path captured = Files.createTempFile(dir, "out", ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(captured.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("DRPILOT_"));
        env.put("AWS_ENDPOINT_URL", moto.endpoint.toString());
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("AWS_REGION", "us-east-1");
        env.putAll(environment);
        Process process = builder.start();
        try (Writer stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            stdin.write(input);
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        output.append(Files.readString(captured));
        return process.exitValue();
    }

    private static SecretsManagerClient secretsManager(AwsClients aws) {
        SecretsManagerClient secrets = aws.get(SecretsManagerClient.class, SecretsManagerClient::builder, null);
        secrets.createSecret(r -> r.name("db-credentials").secretString("old-db-password"));
        secrets.createSecret(r -> r.name("api-credentials").secretString("old-api-token"));
        return secrets;
    }

    private static String stored(SecretsManagerClient secrets, String id) {
        return secrets.getSecretValue(r -> r.secretId(id)).secretString();
    }

    /** Every file of the log (the H2 database and anything H2 wrote beside it), as bytes read as text. */
    private String logFiles() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("log."))
                    .toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(all).as("the log was written").isNotEmpty();
        return all.toString();
    }

    private List<IncidentEvent> events() {
        try (IncidentLogStore store = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "test")) {
            return store.events(store.incidents().get(0).id());
        }
    }

    @Test
    void secretsFromStandardInputAndFromAFileOnlyTheOwnerReadsReachTheirStepsAndNothingShowsThem() throws Exception {
        Path tokenFile = dir.resolve("api-token");
        Files.writeString(tokenFile, "api-token-from-a-file-7781\nsecond line, not read\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        StringBuilder output = new StringBuilder();
        try (MotoServer moto = MotoServer.start();
                AwsClients aws = new AwsClients(moto.settings("us-east-1"))) {
            SecretsManagerClient secrets = secretsManager(aws);

            int status = child(
                    moto,
                    Map.of(),
                    "db-password-from-stdin-3390\n",
                    output,
                    "run",
                    "rotate-credentials",
                    "--secret-stdin",
                    "dbPassword",
                    "--secret-file",
                    "apiToken=" + tokenFile,
                    "--yes-to-confirmations");

            assertThat(status).as(output.toString()).isZero();
            assertThat(stored(secrets, "db-credentials")).isEqualTo("db-password-from-stdin-3390");
            assertThat(stored(secrets, "api-credentials")).isEqualTo("api-token-from-a-file-7781");
        }
        assertThat(output)
                .contains("--secret-string ****")
                .contains("All steps done")
                .doesNotContain("db-password-from-stdin-3390")
                .doesNotContain("api-token-from-a-file-7781")
                .doesNotContain("warning");
        assertThat(logFiles())
                .doesNotContain("db-password-from-stdin-3390")
                .doesNotContain("api-token-from-a-file-7781");
        assertThat(events())
                .filteredOn(e -> e.kind() == EventKind.INCIDENT_DECLARED)
                .singleElement()
                .satisfies(e -> assertThat(e.payload())
                        .contains("\"dbPassword\":\"[redacted]\"", "\"apiToken\":\"[redacted]\""));
    }

    @Test
    void secretsFromTheEnvironmentReachTheirStepsAndNothingShowsThem() throws Exception {
        StringBuilder output = new StringBuilder();
        try (MotoServer moto = MotoServer.start();
                AwsClients aws = new AwsClients(moto.settings("us-east-1"))) {
            SecretsManagerClient secrets = secretsManager(aws);

            int status = child(
                    moto,
                    Map.of(
                            "DRPILOT_SECRET_DBPASSWORD",
                            "db-password-from-env-5512",
                            "OPS_API_TOKEN",
                            "api-token-from-env-9034"),
                    "",
                    output,
                    "run",
                    "rotate-credentials",
                    "--secret-env",
                    "apiToken=OPS_API_TOKEN",
                    "--yes-to-confirmations");

            assertThat(status).as(output.toString()).isZero();
            assertThat(stored(secrets, "db-credentials")).isEqualTo("db-password-from-env-5512");
            assertThat(stored(secrets, "api-credentials")).isEqualTo("api-token-from-env-9034");
        }
        assertThat(output)
                .contains("All steps done")
                .doesNotContain("db-password-from-env-5512")
                .doesNotContain("api-token-from-env-9034");
        assertThat(logFiles()).doesNotContain("db-password-from-env-5512").doesNotContain("api-token-from-env-9034");
    }

    @Test
    void inATerminalAMissingSecretIsAskedForWithoutEchoingIt() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "run",
                "rotate-credentials",
                "--runbooks",
                runbooks.toString(),
                "--log",
                log(),
                "--yes-to-confirmations"));
        String shellLine = String.join(
                " ",
                command.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
        StringBuilder output = new StringBuilder();
        try (MotoServer moto = MotoServer.start();
                AwsClients aws = new AwsClients(moto.settings("us-east-1"))) {
            SecretsManagerClient secrets = secretsManager(aws);
            // script(1) runs the command on a pseudo-terminal, as an operator's shell would
            ProcessBuilder builder =
                    new ProcessBuilder("script", "-qec", shellLine, "/dev/null").redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("DRPILOT_"));
            env.putAll(Map.of(
                    "AWS_ENDPOINT_URL",
                    moto.endpoint.toString(),
                    "AWS_ACCESS_KEY_ID",
                    "testing",
                    "AWS_SECRET_ACCESS_KEY",
                    "testing",
                    "AWS_REGION",
                    "us-east-1",
                    "DRPILOT_SECRET_APITOKEN",
                    "api-token-from-env-1187"));
            Process process = builder.start();
            Reader terminal = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8);
            Writer keyboard = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            while (!output.toString().endsWith("dbPassword (secret, not shown): ")) {
                int c = terminal.read();
                if (c == -1) break;
                output.append((char) c);
            }
            keyboard.write("db-password-typed-6120\n");
            keyboard.flush();
            StringWriter rest = new StringWriter();
            terminal.transferTo(rest);
            output.append(rest);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as(output.toString()).isZero();
            assertThat(stored(secrets, "db-credentials")).isEqualTo("db-password-typed-6120");
            assertThat(stored(secrets, "api-credentials")).isEqualTo("api-token-from-env-1187");
        }
        assertThat(output)
                .contains("dbPassword (secret, not shown): ")
                .contains("All steps done")
                .doesNotContain("apiToken (secret")
                .doesNotContain("db-password-typed-6120");
        assertThat(logFiles()).doesNotContain("db-password-typed-6120");
    }

    @Test
    void anIncidentStoppedAtItsFirstConfirmationResumesWithTheSecretsGivenAgainOnStandardInput() throws Exception {
        StringBuilder output = new StringBuilder();
        try (MotoServer moto = MotoServer.start();
                AwsClients aws = new AwsClients(moto.settings("us-east-1"))) {
            SecretsManagerClient secrets = secretsManager(aws);
            String[] bothOnStdin = {"--secret-stdin", "dbPassword", "--secret-stdin", "apiToken"};

            int stopped = child(
                    moto,
                    Map.of(),
                    "first-db-password-0001\nfirst-api-token-0001\nno\n",
                    output,
                    Stream.concat(Stream.of("run", "rotate-credentials"), Stream.of(bothOnStdin))
                            .toArray(String[]::new));
            assertThat(stopped).as(output.toString()).isEqualTo(3);
            assertThat(stored(secrets, "db-credentials")).isEqualTo("old-db-password");
            String id = events().getFirst().incidentId();

            int resumed = child(
                    moto,
                    Map.of(),
                    "second-db-password-0002\nsecond-api-token-0002\nr\n",
                    output,
                    Stream.concat(Stream.of("resume", id, "--yes-to-confirmations"), Stream.of(bothOnStdin))
                            .toArray(String[]::new));

            assertThat(resumed).as(output.toString()).isZero();
            assertThat(stored(secrets, "db-credentials")).isEqualTo("second-db-password-0002");
            assertThat(stored(secrets, "api-credentials")).isEqualTo("second-api-token-0002");
        }
        for (String secret : List.of(
                "first-db-password-0001", "first-api-token-0001", "second-db-password-0002", "second-api-token-0002")) {
            assertThat(output).doesNotContain(secret);
            assertThat(logFiles()).doesNotContain(secret);
        }
        assertThat(events()).extracting(IncidentEvent::kind).contains(EventKind.INCIDENT_RESUMED);
    }

    @Test
    void aSecretGivenWithPIsWarnedAboutInOneLineAndNeverShown() {
        int status = drpilot(
                "",
                "run",
                "rotate-credentials",
                "--runbooks",
                runbooks.toString(),
                "--dry-run",
                "-p",
                "dbPassword=db-password-on-the-command-line");

        assertThat(status).isZero();
        assertThat(err.toString().lines())
                .containsExactly("warning: -p dbPassword leaves the secret in the process list and the shell history;"
                        + " give it with --secret-stdin dbPassword, --secret-file dbPassword=PATH, --secret-env dbPassword=VAR or DRPILOT_SECRET_DBPASSWORD"
                        + " instead, or leave it out to be asked in a terminal");
        assertThat(out.toString()).contains("--secret-string ****").doesNotContain("db-password-on-the-command-line");
    }

    @Test
    void showWarnsThatASecretGivenWithPIsNeverUsedThere() {
        int status = drpilot(
                "",
                "show",
                "rotate-credentials",
                "--runbooks",
                runbooks.toString(),
                "-p",
                "apiToken=api-token-shown-nowhere");

        assertThat(status).isZero();
        assertThat(err.toString())
                .contains("warning: -p apiToken leaves the secret in the process list and the shell history,"
                        + " and show never uses it (a secret shows as ****): leave it out");
        assertThat(out.toString()).contains("--secret-string ****").doesNotContain("api-token-shown-nowhere");
    }

    @Test
    void aSecretThatDoesNotMatchItsPatternIsRefusedWithoutBeingRepeated() {
        int status = drpilot(
                "short-secret\napi-token-long-enough\n",
                "run",
                "rotate-credentials",
                "--runbooks",
                runbooks.toString(),
                "--log",
                log(),
                "--secret-stdin",
                "dbPassword",
                "--secret-stdin",
                "apiToken");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString())
                .contains("dbPassword: the secret does not match .{16,}")
                .doesNotContain("short-secret");
    }

    @Test
    void aMissingSecretIsRefusedBeforeAnythingIsDeclaredNamingTheWaysToGiveIt() {
        int status = drpilot(
                "",
                "run",
                "rotate-credentials",
                "--runbooks",
                runbooks.toString(),
                "--log",
                log(),
                "--secret-stdin",
                "dbPassword");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString())
                .contains("--secret-stdin dbPassword: standard input has no line for it")
                .contains(
                        "secret parameter apiToken is missing: give it with --secret-stdin apiToken, --secret-file apiToken=PATH,"
                                + " --secret-env apiToken=VAR or DRPILOT_SECRET_APITOKEN, or run in a terminal to be asked for it")
                .contains("nothing was run");
        assertThat(dir.resolve("log.mv.db")).doesNotExist();
    }

    @Test
    void aSecretFileOtherUsersCanReadIsRefusedWithoutReadingIt() throws IOException {
        Path tokenFile = dir.resolve("api-token");
        Files.writeString(tokenFile, "api-token-everyone-reads\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-r--r--"));

        int status = drpilot(
                "",
                "run",
                "rotate-credentials",
                "--runbooks",
                runbooks.toString(),
                "--log",
                log(),
                "--secret-file",
                "apiToken=" + tokenFile,
                "--secret-env",
                "dbPassword=NOT_SET_ANYWHERE");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString())
                .contains("--secret-file apiToken=" + tokenFile + ": other users can read it (rw-r--r--);"
                        + " make it yours alone with chmod 600 " + tokenFile + " and run again")
                .contains("--secret-env dbPassword=NOT_SET_ANYWHERE: NOT_SET_ANYWHERE is not set")
                .doesNotContain("api-token-everyone-reads");
        assertThat(dir.resolve("log.mv.db")).doesNotExist();
    }

    @Test
    void aSecretOptionNamingNoSecretParameterOrASecretGivenTwiceIsRefused() {
        int status = drpilot(
                "",
                "run",
                "rotate-credentials",
                "--runbooks",
                runbooks.toString(),
                "--log",
                log(),
                "--secret-stdin",
                "dbPasswrd",
                "--secret-env",
                "apiToken=OPS_API_TOKEN",
                "-p",
                "apiToken=api-token-twice-given");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString())
                .contains("--secret-stdin dbPasswrd: runbook rotate-credentials has no secret parameter 'dbPasswrd';"
                        + " its secret parameters: dbPassword, apiToken")
                .contains("apiToken is given 2 times (-p, --secret-env): give it once")
                .doesNotContain("api-token-twice-given");
        assertThat(dir.resolve("log.mv.db")).doesNotExist();
    }
}
