package dev.drpilot.action.k8s;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.List;
import java.util.Map;

/** k8s.pods.previousLogs: the last lines the crashed container wrote before it died. */
public final class PodsPreviousLogs implements Action {

    private static final int DEFAULT_LINES = 200;
    private static final int SHOWN_LINES = 3;

    private final KubeClients clients;

    public PodsPreviousLogs(KubeClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "k8s.pods.previousLogs";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String namespace = args.required("namespace");
        String pod = args.required("pod");
        String container = args.text("container");
        int lines = args.text("tailLines") == null ? DEFAULT_LINES : args.integer("tailLines");
        KubeClients.Connection on = clients.connect(context);
        String log = KubeCall.run(context, on, "get", "pods/" + pod + "/log in namespace " + namespace, k -> {
            var named = k.pods().inNamespace(namespace).withName(pod);
            return (container == null
                            ? named.terminated()
                            : named.inContainer(container).terminated())
                    .tailingLines(lines)
                    .getLog();
        });
        String text = log == null ? "" : log;
        List<String> all = text.lines().toList();
        List<String> last = all.subList(Math.max(0, all.size() - SHOWN_LINES), all.size());
        return ActionResult.of(
                all.size() + " line(s) from the previous container of " + pod
                        + (last.isEmpty() ? "" : "; it ended with:\n" + String.join("\n", last)),
                Map.of("log", text));
    }
}
