package dev.drpilot.action.http;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.InitialDirContext;

/**
 * dns.lookup: what {@code dig @resolver name type} answers, through the JDK's DNS provider, and
 * whether it is the expected failover target. A resolver is host or host:port; none means the
 * system's resolvers.
 */
public final class DnsLookup implements Action {

    @Override
    public String id() {
        return "dns.lookup";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String name = args.required("name");
        String resolver = args.text("resolver");
        String type = args.text("type") == null ? "A" : args.text("type").toUpperCase(Locale.ROOT);
        String expect = args.text("expect");
        List<String> answers = query(name, type, resolver);
        context.apiCall("DNS", type + " " + name + (resolver == null ? "" : " @" + resolver), null);
        boolean matches =
                expect != null && answers.stream().anyMatch(a -> normalised(a).equals(normalised(expect)));
        String said = name + " " + type + (resolver == null ? "" : " @" + resolver) + ": "
                + (answers.isEmpty() ? "no answer" : String.join(", ", answers));
        if (expect != null && !matches) {
            throw ActionException.permanent(said + ", not the expected " + expect
                    + ": the failover has not reached this resolver yet (TTL) or did not happen");
        }
        return ActionResult.of(
                said + (expect == null ? "" : ", as expected"), Map.of("answers", answers, "matches", matches));
    }

    private static List<String> query(String name, String type, String resolver) throws ActionException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("java.naming.provider.url", resolver == null ? "dns:" : "dns://" + resolver);
        env.put("com.sun.jndi.dns.timeout.initial", "2000");
        env.put("com.sun.jndi.dns.timeout.retries", "2");
        try {
            InitialDirContext dns = new InitialDirContext(env);
            try {
                Attributes found = dns.getAttributes(name, new String[] {type});
                List<String> answers = new ArrayList<>();
                Attribute records = found.get(type);
                if (records != null) {
                    NamingEnumeration<?> all = records.getAll();
                    while (all.hasMore()) answers.add(String.valueOf(all.next()));
                }
                return answers;
            } finally {
                dns.close();
            }
        } catch (NameNotFoundException e) {
            throw ActionException.permanent(
                    name + " does not exist (NXDOMAIN)" + (resolver == null ? "" : " at " + resolver));
        } catch (NamingException e) {
            throw new ActionException(
                    "The DNS query for " + name + (resolver == null ? "" : " to " + resolver) + " failed: "
                            + e.getMessage(),
                    true,
                    e);
        }
    }

    private static String normalised(String answer) {
        String lower = answer.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
