package dev.drpilot.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The little Markdown that runbook authors write in a manual step, shown as it reads: paragraphs
 * (a blank line between them; a single line break is a space), list items ({@code - }), bold
 * ({@code **first**}) and code ({@code `restoreTime`}), without their markers.
 */
final class MarkdownText {

    private static final String CODE_STYLE = "-fx-font-family: monospace; -fx-fill: -color-accent-fg;";
    private static final Pattern SPAN = Pattern.compile("\\*\\*(.+?)\\*\\*|`([^`]+)`");

    private MarkdownText() {}

    /** Replaces what the flow shows with this text, rendered. */
    static void show(TextFlow flow, String markdown) {
        flow.getChildren().setAll(nodes(markdown));
    }

    static List<Text> nodes(String markdown) {
        List<Text> nodes = new ArrayList<>();
        String separator = "";
        for (String block : markdown.strip().split("\\n\\s*\\n")) {
            StringBuilder paragraph = new StringBuilder();
            for (String line : block.strip().split("\\n")) {
                String text = line.strip();
                boolean item = text.startsWith("- ") || text.startsWith("* ");
                if (item) text = "• " + text.substring(2).strip();
                if (!paragraph.isEmpty()) paragraph.append(item ? "\n" : " ");
                paragraph.append(text);
            }
            spans(separator + paragraph, nodes);
            separator = "\n\n";
        }
        return nodes;
    }

    private static void spans(String paragraph, List<Text> nodes) {
        Matcher span = SPAN.matcher(paragraph);
        int from = 0;
        while (span.find()) {
            if (span.start() > from) nodes.add(new Text(paragraph.substring(from, span.start())));
            Text marked = new Text(span.group(1) != null ? span.group(1) : span.group(2));
            if (span.group(1) != null) marked.getStyleClass().add("text-bold");
            else marked.setStyle(CODE_STYLE);
            nodes.add(marked);
            from = span.end();
        }
        if (from < paragraph.length()) nodes.add(new Text(paragraph.substring(from)));
    }
}
