package dev.drpilot.bench;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.MotoServer;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;

/**
 * Not a test: the AWS calls of the S3 segment-deletion runbook (who am I, list the delete
 * markers under a prefix, remove each one), made by DR Pilot through its engine and log, and by
 * the `aws` command line as an operator would type them, against the same moto server, with the
 * same number of deleted segments each round. Prints both times and the ratio.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests test-compile exec:exec -Dexec.classpathScope=test -Dbench=dev.drpilot.bench.AwsCallsBenchmark}
 * (needs `moto_server` and `aws` on the PATH; optional argument: segments per round, default 20).
 */
public final class AwsCallsBenchmark {

    private static final String BUCKET = "fff-druid-deep-storage";
    private static final int ROUNDS = 5;

    /**
     * The shipped runbook up to its undelete step, without the Druid coordinator's count before it:
     * the AWS calls alone, which is what the `aws` side makes.
     */
    private static Path awsStepsOfTheRunbook(Path dir) throws IOException {
        String shipped = Files.readString(Path.of("runbooks/druid-s3-segment-deletion.yaml"));
        String awsSteps = shipped.substring(0, shipped.indexOf("  - id: count-before"))
                + shipped.substring(shipped.indexOf("  - id: undelete"), shipped.indexOf("  - id: readable"));
        Path file = Files.createDirectories(dir.resolve("runbooks")).resolve("druid-s3-segment-deletion.yaml");
        return Files.writeString(file, awsSteps);
    }

    public static void main(String[] args) throws Exception {
        int segments = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dir = Files.createTempDirectory("drpilot-bench");
        try (MotoServer moto = MotoServer.start();
                AwsClients aws = new AwsClients(moto.settings("us-west-2"));
                IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "bench")) {
            S3Client s3 = aws.get(S3Client.class, S3Client::builder, null);
            s3.createBucket(r -> r.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint("us-west-2")));
            s3.putBucketVersioning(r -> r.bucket(BUCKET).versioningConfiguration(v -> v.status("Enabled")));
            Runbook runbook = new RunbookLoader(ActionCatalog.builtIn())
                    .load(List.of(awsStepsOfTheRunbook(dir)))
                    .runbooks()
                    .get(0);
            List<Double> drpilot = new ArrayList<>();
            List<Double> cli = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                String prefix = "segments/pilot-" + round + "/";
                deleteSegments(s3, prefix, segments);
                long t0 = System.nanoTime();
                IncidentRun run = DrPilotServices.fromEnvironment()
                        .engine(log, aws)
                        .declare(
                                runbook,
                                Map.of(
                                        "prefix",
                                        prefix,
                                        "datasource",
                                        "wikipedia",
                                        "interval",
                                        "2024-01-15/2024-01-16"),
                                new NewIncident(runbook.id(), "benchmark", IncidentMode.REHEARSAL, null, null, null));
                run.runToNextConfirmation().get(5, TimeUnit.MINUTES);
                run.confirm("undelete", BUCKET).get(5, TimeUnit.MINUTES);
                drpilot.add((System.nanoTime() - t0) / 1e9);
                check(s3, prefix, segments, "DR Pilot");

                String cliPrefix = "segments/cli-" + round + "/";
                deleteSegments(s3, cliPrefix, segments);
                long t1 = System.nanoTime();
                awsCli(moto, "sts", "get-caller-identity");
                String keysAndVersions = awsCli(
                        moto,
                        "s3api",
                        "list-object-versions",
                        "--bucket",
                        BUCKET,
                        "--prefix",
                        cliPrefix,
                        "--query",
                        "DeleteMarkers[].[Key,VersionId]",
                        "--output",
                        "text");
                for (String line : keysAndVersions.strip().split("\n")) {
                    String[] keyAndVersion = line.split("\t");
                    awsCli(
                            moto,
                            "s3api",
                            "delete-object",
                            "--bucket",
                            BUCKET,
                            "--key",
                            keyAndVersion[0],
                            "--version-id",
                            keyAndVersion[1]);
                }
                cli.add((System.nanoTime() - t1) / 1e9);
                check(s3, cliPrefix, segments, "aws CLI");
            }
            double ours = median(drpilot);
            double theirs = median(cli);
            System.out.printf(
                    "S3 segment undelete, %d segments (1 + 1 + %d calls), median of %d rounds on moto:%n",
                    segments, segments, ROUNDS);
            System.out.printf("  DR Pilot (engine, log, SDK): %.2f s   rounds %s%n", ours, rounded(drpilot));
            System.out.printf("  aws CLI (one process a call): %.2f s   rounds %s%n", theirs, rounded(cli));
            System.out.printf("  ratio: the aws CLI takes %.1fx as long%n", theirs / ours);
        }
    }

    private static void deleteSegments(S3Client s3, String prefix, int segments) {
        for (int i = 0; i < segments; i++) {
            String key = prefix + "partition-" + i + "/index.zip";
            s3.putObject(
                    r -> r.bucket(BUCKET).key(key),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("segment " + i));
            s3.deleteObject(r -> r.bucket(BUCKET).key(key));
        }
    }

    private static void check(S3Client s3, String prefix, int segments, String who) {
        List<DeleteMarkerEntry> left =
                s3.listObjectVersions(r -> r.bucket(BUCKET).prefix(prefix)).deleteMarkers();
        int back = s3.listObjectsV2(r -> r.bucket(BUCKET).prefix(prefix)).keyCount();
        if (!left.isEmpty() || back != segments) {
            throw new IllegalStateException(
                    who + " left " + left.size() + " delete marker(s) and brought back " + back + " of " + segments);
        }
    }

    private static String awsCli(MotoServer moto, String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("aws", "--endpoint-url", moto.endpoint.toString(), "--region", "us-west-2"));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AWS_ACCESS_KEY_ID", "testing");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0)
            throw new IllegalStateException("aws " + String.join(" ", args) + " failed: " + output);
        return output;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static List<String> rounded(List<Double> values) {
        return values.stream().map(v -> String.format("%.2f", v)).toList();
    }

    private AwsCallsBenchmark() {}
}
