package dev.drpilot.action;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell does (single quotes, double quotes,
 * backslashes), with the operators {@code &&}, {@code |}, {@code ;} and {@code >} as words of
 * their own. Only what the tests need to check a rendered command: no expansion.
 */
public final class ShellWords {

    private ShellWords() {}

    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                if (close < 0) throw new IllegalArgumentException("unclosed ' at " + i + " in: " + line);
                word = append(word, line.substring(i + 1, close));
                i = close;
            } else if (c == '"') {
                StringBuilder inside = new StringBuilder();
                int j = i + 1;
                for (; j < line.length() && line.charAt(j) != '"'; j++) {
                    char d = line.charAt(j);
                    if (d == '\\' && j + 1 < line.length() && "\"\\$`".indexOf(line.charAt(j + 1)) >= 0)
                        d = line.charAt(++j);
                    inside.append(d);
                }
                if (j >= line.length()) throw new IllegalArgumentException("unclosed \" at " + i + " in: " + line);
                word = append(word, inside.toString());
                i = j;
            } else if (c == '\\' && i + 1 < line.length()) {
                word = append(word, String.valueOf(line.charAt(++i)));
            } else if (Character.isWhitespace(c)) {
                if (word != null) words.add(word.toString());
                word = null;
            } else if ("&|;>".indexOf(c) >= 0) {
                if (word != null) words.add(word.toString());
                word = null;
                boolean doubled = i + 1 < line.length() && line.charAt(i + 1) == c && c != ';';
                words.add(doubled ? "" + c + c : String.valueOf(c));
                if (doubled) i++;
            } else {
                word = append(word, String.valueOf(c));
            }
        }
        if (word != null) words.add(word.toString());
        return words;
    }

    private static StringBuilder append(StringBuilder word, String text) {
        return (word == null ? new StringBuilder() : word).append(text);
    }
}
