package dev.drpilot.timeline;

import dev.drpilot.incident.EventKind;
import dev.drpilot.runbook.Phase;
import dev.drpilot.runbook.Runbook;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * The incident on a time axis, as a PNG for the post-mortem: one row per step, a bar from its
 * start to its end coloured by its phase (red when it failed, grey when skipped), the clock
 * breaches as red lines, the RTO target as a dashed line, recovery as a green one. Drawn with
 * Java2D, off any UI thread. The picture is held in memory, so it draws the first {@link #MAX_BARS}
 * steps that ended and says how many more there were (the written timelines list every one); the
 * breaches are drawn as the events stream past, without being kept.
 */
public final class TimelinePicture {

    private static final int WIDTH = 1400;
    private static final int ROW = 26;
    private static final int LEFT = 360;
    private static final int RIGHT = 40;
    private static final int TOP = 90;
    /** At most this many rows: a picture 5,360 pixels tall, 30 MB while it is drawn. */
    static final int MAX_BARS = 200;

    private static final Map<Phase, Color> PHASE_COLOURS = Map.of(
            Phase.IMMEDIATE,
            new Color(0x2F81F7),
            Phase.RECOVERY,
            new Color(0x8957E5),
            Phase.VALIDATION,
            new Color(0x1A7F37),
            Phase.POST_RECOVERY,
            new Color(0x9A6700));

    private record Bar(String title, Phase phase, Instant from, Instant to, EventKind end) {}

    /** The steps' bars, the first {@link #MAX_BARS} of them, and how many ended after those. */
    private record Bars(List<Bar> drawn, long more) {}

    private TimelinePicture() {}

    public static void write(Postmortem postmortem, Optional<Runbook> runbook, OutputStream out) throws IOException {
        Bars steps = bars(postmortem, runbook);
        List<Bar> bars = steps.drawn();
        Instant start = postmortem.incident().startedAt();
        Instant end = postmortem.lastEntryTime() == null ? start.plusSeconds(60) : postmortem.lastEntryTime();
        if (postmortem.targets() != null && !postmortem.targets().rto().isNone()) {
            Instant rto = start.plus(postmortem.targets().rto().atMost());
            if (rto.isAfter(end)
                    && Duration.between(end, rto)
                                    .compareTo(Duration.between(start, end).multipliedBy(3))
                            < 0) end = rto;
        }
        long span = Math.max(1, Duration.between(start, end).toMillis());
        int height = TOP + Math.max(1, bars.size()) * ROW + 70;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(new Color(0x1F2328));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString(postmortem.runbookTitle() + "  ·  " + postmortem.incident().id() + versions(postmortem), 20, 34);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(
                "RTO achieved "
                        + (postmortem.rtoAchieved() == null
                                ? "not yet (not recovered)"
                                : human(postmortem.rtoAchieved()))
                        + (postmortem.targets() == null
                                ? ""
                                : ", target " + postmortem.targets().rto().label()),
                20,
                58);
        if (steps.more() > 0) {
            g.setColor(new Color(0x57606A));
            g.drawString(
                    "The first " + MAX_BARS + " steps that ended are drawn; " + steps.more()
                            + " more ended after them (the Markdown, HTML and CSV timelines list every one).",
                    20,
                    76);
        }

        int plotWidth = WIDTH - LEFT - RIGHT;
        int bottom = TOP + Math.max(1, bars.size()) * ROW;
        g.setColor(new Color(0xD0D7DE));
        for (int tick = 0; tick <= 10; tick++) {
            int x = LEFT + plotWidth * tick / 10;
            g.drawLine(x, TOP - 8, x, bottom);
            g.setColor(new Color(0x57606A));
            g.drawString(human(Duration.ofMillis(span * tick / 10)), x - 16, bottom + 18);
            g.setColor(new Color(0xD0D7DE));
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = TOP + i * ROW;
            g.setColor(new Color(0x1F2328));
            g.drawString(clip(bar.title(), 46), 20, y + 17);
            int x1 = LEFT
                    + (int) (plotWidth * Duration.between(start, bar.from()).toMillis() / span);
            int x2 = LEFT + (int) (plotWidth * Duration.between(start, bar.to()).toMillis() / span);
            g.setColor(
                    bar.end() == EventKind.STEP_FAILED
                            ? new Color(0xCF222E)
                            : bar.end() == EventKind.STEP_SKIPPED
                                    ? new Color(0x8C959F)
                                    : PHASE_COLOURS.getOrDefault(bar.phase(), new Color(0x57606A)));
            g.fillRoundRect(x1, y + 5, Math.max(4, x2 - x1), ROW - 10, 6, 6);
        }
        marker(g, postmortem, start, span, plotWidth, bottom);
        legend(g, bottom + 44);
        g.dispose();
        ImageIO.write(image, "png", out);
    }

    private static void marker(Graphics2D g, Postmortem postmortem, Instant start, long span, int plotWidth, int bottom)
            throws IOException {
        postmortem.ofKind(
                breach -> {
                    int x = LEFT
                            + (int) (plotWidth
                                    * Duration.between(start, breach.time()).toMillis()
                                    / span);
                    g.setColor(new Color(0xCF222E));
                    g.setStroke(new BasicStroke(2));
                    g.drawLine(x, TOP - 12, x, bottom);
                    g.drawString("breach", x + 3, TOP - 14);
                },
                EventKind.CLOCK_BREACH);
        if (postmortem.targets() != null && !postmortem.targets().rto().isNone()) {
            long rto = postmortem.targets().rto().atMost().toMillis();
            if (rto <= span) {
                int x = LEFT + (int) (plotWidth * rto / span);
                g.setColor(new Color(0xBC4C00));
                g.setStroke(
                        new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
                g.drawLine(x, TOP - 12, x, bottom);
                g.drawString("RTO target", x + 3, TOP - 28);
            }
        }
        if (postmortem.recoveredAt() != null) {
            int x = LEFT
                    + (int) (plotWidth
                            * Duration.between(start, postmortem.recoveredAt()).toMillis()
                            / span);
            g.setColor(new Color(0x1A7F37));
            g.setStroke(new BasicStroke(2));
            g.drawLine(x, TOP - 12, x, bottom);
            g.drawString("recovered", x + 3, TOP - 42);
        }
        g.setStroke(new BasicStroke(1));
    }

    private static void legend(Graphics2D g, int y) {
        int x = 20;
        for (Phase phase : Phase.values()) {
            g.setColor(PHASE_COLOURS.get(phase));
            g.fillRect(x, y - 10, 14, 10);
            g.setColor(new Color(0x1F2328));
            g.drawString(phase.label(), x + 18, y);
            x += 190;
        }
        g.setColor(new Color(0xCF222E));
        g.fillRect(x, y - 10, 14, 10);
        g.setColor(new Color(0x1F2328));
        g.drawString("failed", x + 18, y);
    }

    /** The runbook version it ran (the newest, with how many before it), when the log recorded one. */
    private static String versions(Postmortem postmortem) {
        var versions = postmortem.runbookVersions();
        if (versions.isEmpty()) return "";
        return "  ·  " + versions.getLast().version().label()
                + (versions.size() == 1 ? "" : " (changed " + (versions.size() - 1) + "x)");
    }

    private static Bars bars(Postmortem postmortem, Optional<Runbook> runbook) throws IOException {
        Map<String, Phase> phases = new LinkedHashMap<>();
        runbook.ifPresent(r -> r.steps().forEach(s -> phases.put(s.id(), s.phase())));
        Map<String, Instant> started = new LinkedHashMap<>();
        List<Bar> bars = new ArrayList<>();
        long[] more = {0};
        postmortem.ofKind(
                e -> {
                    if (e.stepId() == null) return;
                    if (e.kind() == EventKind.STEP_STARTED) {
                        started.putIfAbsent(e.stepId(), e.time());
                    } else if (bars.size() < MAX_BARS) {
                        bars.add(new Bar(
                                e.stepTitle(),
                                phases.getOrDefault(e.stepId(), Phase.RECOVERY),
                                started.getOrDefault(e.stepId(), e.time()),
                                e.time(),
                                e.kind()));
                    } else {
                        more[0]++;
                    }
                },
                EventKind.STEP_STARTED,
                EventKind.STEP_SUCCEEDED,
                EventKind.STEP_FAILED,
                EventKind.STEP_SKIPPED,
                EventKind.STEP_CANCELLED);
        return new Bars(bars, more[0]);
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s < 3600
                ? String.format("%d:%02d", s / 60, s % 60)
                : String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
