package dev.drpilot.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/** What the UI benchmarks share: JavaFX started headless (Monocle, software rendering), frame gaps on the FX thread, and memory. */
final class FxBench {

    private FxBench() {}

    static void startHeadless() throws InterruptedException {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
    }

    /** The time between consecutive frames the FX thread delivers: a long gap is a stutter the operator sees. */
    static final class FrameGaps extends AnimationTimer {
        private final List<Long> gaps = Collections.synchronizedList(new ArrayList<>());
        private long last;

        @Override
        public void handle(long now) {
            if (last != 0) gaps.add(now - last);
            last = now;
        }

        String report() {
            List<Long> sorted;
            synchronized (gaps) {
                sorted = new ArrayList<>(gaps);
            }
            Collections.sort(sorted);
            if (sorted.isEmpty()) return "no frames";
            double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
            return String.format(
                    "%,d frames: mean %.1f ms, median %.1f ms, 99th percentile %.1f ms, longest %.1f ms",
                    sorted.size(),
                    mean,
                    sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                    sorted.getLast() / 1e6);
        }
    }

    /** Java heap in use after a full collection, and the process's resident memory now and at its peak, in MB. */
    static String memory() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heap = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        return String.format(
                "heap in use after GC %d MB (committed %d MB), resident (VmRSS) %s, peak (VmHWM) %s",
                heap, rt.totalMemory() / (1024 * 1024), status("self", "VmRSS"), status("self", "VmHWM"));
    }

    /** The resident memory of another process, in MB. */
    static String rss(long pid) {
        return status(String.valueOf(pid), "VmRSS");
    }

    /** The 1, 5 and 15 minute load averages of the machine: the benchmarks share it. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown (no /proc)";
        }
    }

    private static String status(String process, String field) {
        try {
            return Files.readAllLines(Path.of("/proc", process, "status")).stream()
                    .filter(l -> l.startsWith(field + ":"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 + " MB")
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown (no /proc)";
        }
    }
}
