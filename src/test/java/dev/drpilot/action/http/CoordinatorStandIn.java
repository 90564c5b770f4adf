package dev.drpilot.action.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the Druid coordinator, which cannot run here: an HTTP server on loopback that
 * keeps segments with their intervals and used flags, and answers the two calls of the
 * markUsed step as Druid does: markUsed marks the unused segments lying within the interval
 * and says how many changed; the metadata listing gives the ids of the used segments that overlap
 * any of the intervals posted; the served listing ({@code /datasources/{ds}/intervals/{start_end}?simple})
 * counts, per segment interval, the segments within the interval that the historicals serve. The
 * historicals load what is used when the test says so ({@link #historicalsLoad}).
 */
final class CoordinatorStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MARK_USED = Pattern.compile("/druid/coordinator/v1/datasources/([^/]+)/markUsed");
    private static final Pattern USED_SEGMENTS =
            Pattern.compile("/druid/coordinator/v1/metadata/datasources/([^/]+)/segments");
    private static final Pattern SERVED =
            Pattern.compile("/druid/coordinator/v1/datasources/([^/]+)/intervals/([^/]+)");

    private record Segment(String datasource, Instant start, Instant end) {
        String id() {
            return datasource + "_" + start + "_" + end + "_v1";
        }
    }

    private final HttpServer server;
    private final Map<Segment, Boolean> used = new ConcurrentHashMap<>();
    private final Map<Segment, Boolean> served = new ConcurrentHashMap<>();
    private final List<String> markUsedRequests = new CopyOnWriteArrayList<>();

    CoordinatorStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/druid/coordinator/v1/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Hourly segments over the interval, used or not (deleted from S3 and marked unused, say). */
    void hourlySegments(String datasource, String interval, boolean isUsed) {
        Instant[] span = interval(interval);
        for (Instant hour = span[0]; hour.isBefore(span[1]); hour = hour.plusSeconds(3600)) {
            used.put(new Segment(datasource, hour, hour.plusSeconds(3600)), isUsed);
            served.put(new Segment(datasource, hour, hour.plusSeconds(3600)), isUsed);
        }
    }

    /** The historicals load every used segment and drop every unused one, as they do a while after a change. */
    void historicalsLoad() {
        used.forEach(served::put);
    }

    /** What a drop rule or a kill task does: the segments within the interval become unused. */
    void markUnused(String datasource, String interval) {
        Instant[] span = interval(interval);
        used.replaceAll((s, u) -> s.datasource().equals(datasource) && within(s, span) ? false : u);
    }

    long usedCount(String datasource) {
        return used.entrySet().stream()
                .filter(e -> e.getKey().datasource().equals(datasource) && e.getValue())
                .count();
    }

    /** The markUsed calls received: method, content type and body. */
    List<String> markUsedRequests() {
        return markUsedRequests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher markUsed = MARK_USED.matcher(path);
        Matcher listUsed = USED_SEGMENTS.matcher(path);
        if (exchange.getRequestMethod().equals("POST") && markUsed.matches()) {
            markUsedRequests.add("POST " + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
            reply(
                    exchange,
                    200,
                    "{\"numChangedSegments\":"
                            + markUsed(
                                    markUsed.group(1),
                                    JSON.readTree(body).path("interval").asText()) + "}");
        } else if (exchange.getRequestMethod().equals("POST") && listUsed.matches()) {
            List<Instant[]> intervals = JSON.readTree(body)
                    .valueStream()
                    .map(JsonNode::asText)
                    .map(CoordinatorStandIn::interval)
                    .toList();
            List<String> ids = used.entrySet().stream()
                    .filter(e -> e.getValue()
                            && e.getKey().datasource().equals(listUsed.group(1))
                            && intervals.stream().anyMatch(i -> overlaps(e.getKey(), i)))
                    .map(e -> e.getKey().id())
                    .sorted()
                    .toList();
            reply(exchange, 200, JSON.writeValueAsString(ids));
        } else if (exchange.getRequestMethod().equals("GET")
                && SERVED.matcher(path).matches()
                && "simple".equals(exchange.getRequestURI().getQuery())) {
            Matcher served = SERVED.matcher(path);
            served.matches();
            reply(
                    exchange,
                    200,
                    JSON.writeValueAsString(servedWithin(
                            served.group(1), interval(served.group(2).replace('_', '/')))));
        } else {
            reply(exchange, 404, "{\"error\":\"no such endpoint in the stand-in\"}");
        }
    }

    /** As Druid answers ?simple: per segment interval within the span, the served segments' count and size. */
    private Map<String, Map<String, Long>> servedWithin(String datasource, Instant[] span) {
        Map<String, Map<String, Long>> counts = new java.util.TreeMap<>();
        served.forEach((segment, isServed) -> {
            if (isServed && segment.datasource().equals(datasource) && within(segment, span)) {
                counts.merge(
                        segment.start() + "/" + segment.end(),
                        Map.of("size", 1000L, "count", 1L),
                        (a, b) -> Map.of(
                                "size", a.get("size") + b.get("size"), "count", a.get("count") + b.get("count")));
            }
        });
        return counts;
    }

    private int markUsed(String datasource, String interval) {
        Instant[] span = interval(interval);
        int changed = 0;
        for (Map.Entry<Segment, Boolean> entry : used.entrySet()) {
            if (entry.getKey().datasource().equals(datasource) && within(entry.getKey(), span) && !entry.getValue()) {
                entry.setValue(true);
                changed++;
            }
        }
        return changed;
    }

    private static boolean within(Segment segment, Instant[] span) {
        return !segment.start().isBefore(span[0]) && !segment.end().isAfter(span[1]);
    }

    private static boolean overlaps(Segment segment, Instant[] span) {
        return segment.start().isBefore(span[1]) && segment.end().isAfter(span[0]);
    }

    /** An ISO-8601 interval of dates (2024-01-15/2024-01-16) or instants. */
    private static Instant[] interval(String text) {
        String[] ends = text.split("/");
        return new Instant[] {instant(ends[0]), instant(ends[1])};
    }

    private static Instant instant(String end) {
        return end.length() == 10
                ? LocalDate.parse(end).atStartOfDay(ZoneOffset.UTC).toInstant()
                : Instant.parse(end);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
