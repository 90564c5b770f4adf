package dev.drpilot.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The equivalent command of an action, as a template over its arguments:
 * {@code aws rds describe-db-instances --db-instance-identifier {instance} [--region {region}]}.
 * <ul>
 *   <li>{@code {name}} is replaced by the argument's value, quoted for a POSIX shell when needed;</li>
 *   <li>{@code [ ... ]} is an optional part, kept only when every argument named in it is given
 *       (and, for a boolean, true);</li>
 *   <li>{@code {name?}} names an argument that decides an optional part without printing it, for
 *       flags such as {@code [--apply-immediately{applyImmediately?}]};</li>
 *   <li>a list fills in as one word per element; {@code {name,}} joins it with commas into one
 *       word ({@code kubectl get deployment,statefulset}); {@code {name@}} repeats the whole
 *       command once per element, joined by {@code &&}, for a tool that takes one at a time
 *       ({@code kubectl rollout status});</li>
 *   <li>a value followed by {@code /} in the template loses its own trailing slashes, so a URL
 *       given as {@code http://host/} does not become {@code http://host//path};</li>
 *   <li>text in single quotes (a JSON document) is literal, brackets included; values filled into
 *       it are not quoted again.</li>
 * </ul>
 * Sensitive arguments render as {@code ****}; an argument whose value is not known yet renders
 * as {@code <name>}.
 */
public final class CommandTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.]*)([?@,])?}");
    /** A value not known yet, shown the way the guide writes it: {@code <pod-name>}. */
    private static final Pattern PLACEHOLDER_VALUE = Pattern.compile("<[A-Za-z0-9_.-]+>");

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private final String template;

    private CommandTemplate(String template) {
        this.template = template;
    }

    public static CommandTemplate of(String template) {
        int depth = 0;
        boolean quoted = false;
        for (char c : template.toCharArray()) {
            if (c == '\'') quoted = !quoted;
            if (quoted) continue;
            if (c == '[') depth++;
            if (c == ']') depth--;
            if (depth < 0 || depth > 1) throw new IllegalArgumentException("unbalanced or nested [ ] in: " + template);
        }
        if (depth != 0 || quoted) throw new IllegalArgumentException("unbalanced [ ] or ' in: " + template);
        return new CommandTemplate(template);
    }

    public String template() {
        return template;
    }

    /** The argument names the template uses. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /**
     * Renders the command.
     *
     * @param args      argument values (strings, numbers, booleans, lists, maps)
     * @param sensitive names of the arguments whose values must not be shown
     */
    public String render(Map<String, ?> args, Set<String> sensitive) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if ("@".equals(m.group(2)) && args.get(m.group(1)) instanceof List<?> list && !list.isEmpty()) {
                List<String> commands = new ArrayList<>();
                for (Object element : list) {
                    Map<String, Object> one = new java.util.HashMap<>(args);
                    one.put(m.group(1), element);
                    commands.add(renderOnce(one, sensitive));
                }
                return String.join(" && ", commands);
            }
        }
        return renderOnce(args, sensitive);
    }

    private String renderOnce(Map<String, ?> args, Set<String> sensitive) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '\'') {
                int close = template.indexOf('\'', i + 1);
                out.append('\'')
                        .append(fill(template.substring(i + 1, close), args, sensitive, true))
                        .append('\'');
                i = close + 1;
            } else if (c == '[') {
                int close = closingBracket(i);
                String optional = template.substring(i + 1, close);
                if (allGiven(optional, args)) out.append(fill(optional, args, sensitive, false));
                i = close + 1;
            } else {
                int next = nextSpecial(i);
                out.append(fill(template.substring(i, next), args, sensitive, false));
                i = next;
            }
        }
        return out.toString().replaceAll(" {2,}", " ").trim();
    }

    /** The ']' closing the optional part at {@code open}, skipping quoted text. */
    private int closingBracket(int open) {
        boolean quoted = false;
        for (int i = open + 1; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\'') quoted = !quoted;
            if (c == ']' && !quoted) return i;
        }
        throw new IllegalStateException("checked in of()");
    }

    private int nextSpecial(int from) {
        for (int i = from; i < template.length(); i++) {
            if (template.charAt(i) == '\'' || template.charAt(i) == '[') return i;
        }
        return template.length();
    }

    private static boolean allGiven(String part, Map<String, ?> args) {
        Matcher m = PLACEHOLDER.matcher(part);
        while (m.find()) {
            Object value = args.get(m.group(1));
            if (value == null || Boolean.FALSE.equals(value) || "false".equals(value)) return false;
        }
        return true;
    }

    /** Fills placeholders; inside single quotes values go in as they are, only their own quotes escaped. */
    private static String fill(String part, Map<String, ?> args, Set<String> sensitive, boolean quoted) {
        Matcher m = PLACEHOLDER.matcher(part);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Object value = args.get(name);
            boolean beforeSlash = m.end() < part.length() && part.charAt(m.end()) == '/';
            String replacement;
            if ("?".equals(m.group(2))) {
                replacement = "";
            } else if (sensitive.contains(name)) {
                replacement = "****";
            } else if (value == null) {
                replacement = "<" + name + ">";
            } else if (value instanceof List<?> list && !quoted) {
                List<String> words = list.stream()
                        .map(String::valueOf)
                        .map(CommandTemplate::quote)
                        .toList();
                replacement = ",".equals(m.group(2))
                        ? quote(String.join(
                                ",", list.stream().map(String::valueOf).toList()))
                        : String.join(" ", words);
            } else {
                String text = text(value);
                if (beforeSlash) text = text.replaceAll("/+$", "");
                replacement = quoted ? text.replace("'", "'\"'\"'") : quote(text);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return String.join(" ", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Map<?, ?> map) return Json.compact(map);
        return String.valueOf(value);
    }

    /** Quotes for a POSIX shell, so the operator can paste the command as it is. */
    static String quote(String value) {
        if (value.isEmpty()) return "''";
        if (SAFE.matcher(value).matches() || PLACEHOLDER_VALUE.matcher(value).matches()) return value;
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }

    @Override
    public String toString() {
        return template;
    }
}
