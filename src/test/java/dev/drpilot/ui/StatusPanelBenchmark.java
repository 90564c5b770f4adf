package dev.drpilot.ui;

import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.action.k8s.NamespaceStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Not a test: the live status panel with 5,000 pods. fabric8's mock API server (CRUD) runs in a
 * process of its own ({@link ChurningClusterServer}) with a namespace of 5,000 extra pods, 50 of
 * them a second turning into CrashLoopBackOff and back; the panel reads it through the real
 * {@link NamespaceStatus} every BENCH_REFRESH_SECONDS (default 10, as in the app) while the table
 * is scrolled to another place every frame. Prints the frame gaps on the FX thread and the memory
 * of this process alone: the heap after a full collection and the resident set (VmRSS) read from
 * /proc/self/status. JVM options for the measured process go in JAVA_TOOL_OPTIONS; the server
 * process does not get them.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests test-compile exec:exec -Dexec.classpathScope=test -Dbench=dev.drpilot.ui.StatusPanelBenchmark}
 */
public final class StatusPanelBenchmark {

    public static void main(String[] args) throws Exception {
        int pods = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int every = Integer.parseInt(System.getenv().getOrDefault("BENCH_REFRESH_SECONDS", "10"));
        System.out.println("load average at the start: " + FxBench.loadAverage() + "; this JVM's options: "
                + ManagementFactory.getRuntimeMXBean().getInputArguments());
        Path dir = Files.createTempDirectory("drpilot-bench");
        Process server = startServer(pods, dir);
        try (BufferedReader said =
                        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter tell = new PrintWriter(server.getOutputStream(), true, StandardCharsets.UTF_8)) {
            Path kubeconfig = null;
            for (String line; kubeconfig == null && (line = said.readLine()) != null; ) {
                System.out.println("server: " + line);
                if (line.startsWith("ready ")) kubeconfig = Path.of(line.split(" ")[2]);
            }
            if (kubeconfig == null) throw new IllegalStateException("The mock API server stopped before it was ready");
            Thread.ofPlatform()
                    .daemon()
                    .start(() -> said.lines().forEach(line -> System.out.println("server: " + line)));
            try (KubeClients kube = new KubeClients(new KubeSettings(kubeconfig, null))) {
                run(new NamespaceStatus(kube, "druid"), pods, seconds, every, tell, server);
            }
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
            Platform.exit();
        }
    }

    private static void run(NamespaceStatus source, int pods, int seconds, int every, PrintWriter tell, Process server)
            throws Exception {
        long r0 = System.nanoTime();
        int rows = source.read().size();
        System.out.printf(
                "first read of the namespace: %,d rows in %d ms%n", rows, (System.nanoTime() - r0) / 1_000_000);
        r0 = System.nanoTime();
        source.read();
        System.out.printf("second read: %d ms%n", (System.nanoTime() - r0) / 1_000_000);

        FxBench.startHeadless();
        System.out.println("before the panel: " + FxBench.memory());
        try (LiveStatus status = new LiveStatus(List.of(source), Duration.ofSeconds(every))) {
            CompletableFuture<TableView<?>> shown = new CompletableFuture<>();
            Platform.runLater(() -> {
                Stage stage = new Stage();
                stage.setScene(new Scene(new StatusPanel(status).root(), 1000, 700));
                stage.show();
                shown.complete((TableView<?>) stage.getScene().lookup("#status-table"));
            });
            TableView<?> table = shown.get(30, TimeUnit.SECONDS);
            status.start();
            while (table.getItems().size() < rows) TimeUnit.MILLISECONDS.sleep(100);
            FxBench.FrameGaps gaps = new FxBench.FrameGaps();
            int[] row = {0};
            AnimationTimer scroller = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    row[0] = (row[0] + 37) % Math.max(1, table.getItems().size());
                    table.scrollTo(row[0]);
                }
            };
            tell.println("churn");
            Platform.runLater(() -> {
                gaps.start();
                scroller.start();
            });
            TimeUnit.SECONDS.sleep(seconds);
            Platform.runLater(() -> {
                gaps.stop();
                scroller.stop();
            });
            System.out.printf(
                    "%d s with %,d rows, read every %d s, 50 pods changing a second, scrolled every frame:%n  %s%n",
                    seconds, table.getItems().size(), every, gaps.report());
            System.out.println("with the panel, this process alone: " + FxBench.memory());
            System.out.println(
                    "the mock API server's process (not counted above): resident " + FxBench.rss(server.pid()));
            System.out.println("load average at the end: " + FxBench.loadAverage());
        }
    }

    /** The mock API server in its own JVM, on this benchmark's class path, without this JVM's options. */
    private static Process startServer(int pods, Path dir) throws Exception {
        Path quiet = Path.of(
                StatusPanelBenchmark.class.getResource("/logging.properties").toURI());
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.logging.config.file=" + quiet,
                "-cp",
                System.getProperty("java.class.path"),
                ChurningClusterServer.class.getName(),
                String.valueOf(pods),
                dir.toString());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        return builder.start();
    }
}
