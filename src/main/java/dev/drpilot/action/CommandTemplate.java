package dev.drpilot.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 *       flags such as {@code [--apply-immediately{applyImmediately?}]}.</li>
 * </ul>
 * Sensitive arguments render as {@code ****}; an argument whose value is not known yet renders
 * as {@code <name>}.
 */
public final class CommandTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.]*)(\\?)?}");
    /** A value not known yet, shown the way the guide writes it: {@code <pod-name>}. */
    private static final Pattern PLACEHOLDER_VALUE = Pattern.compile("<[A-Za-z0-9_.-]+>");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private final String template;

    private CommandTemplate(String template) {
        this.template = template;
    }

    public static CommandTemplate of(String template) {
        int depth = 0;
        for (char c : template.toCharArray()) {
            if (c == '[') depth++;
            if (c == ']') depth--;
            if (depth < 0 || depth > 1) throw new IllegalArgumentException("unbalanced or nested [ ] in: " + template);
        }
        if (depth != 0) throw new IllegalArgumentException("unbalanced [ ] in: " + template);
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
    public String render(Map<String, ?> args, java.util.Set<String> sensitive) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('[', i);
            if (open < 0) {
                out.append(fill(template.substring(i), args, sensitive));
                break;
            }
            out.append(fill(template.substring(i, open), args, sensitive));
            int close = template.indexOf(']', open);
            String optional = template.substring(open + 1, close);
            if (allGiven(optional, args)) out.append(fill(optional, args, sensitive));
            i = close + 1;
        }
        return out.toString().replaceAll(" {2,}", " ").trim();
    }

    private static boolean allGiven(String part, Map<String, ?> args) {
        Matcher m = PLACEHOLDER.matcher(part);
        while (m.find()) {
            Object value = args.get(m.group(1));
            if (value == null || Boolean.FALSE.equals(value) || "false".equals(value)) return false;
        }
        return true;
    }

    private static String fill(String part, Map<String, ?> args, java.util.Set<String> sensitive) {
        Matcher m = PLACEHOLDER.matcher(part);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (m.group(2) != null) {
                replacement = "";
            } else if (sensitive.contains(name)) {
                replacement = "****";
            } else if (!args.containsKey(name) || args.get(name) == null) {
                replacement = "<" + name + ">";
            } else {
                replacement = quote(text(args.get(name)));
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
