package dev.drpilot.action.k8s;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Map;

/** k8s.pods.previousLogs: the last lines the crashed container wrote before it died. */
public final class PodsPreviousLogs implements Action {

    private static final int DEFAULT_LINES = 200;

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
            return (container == null ? named.terminated() : named.inContainer(container).terminated()).tailingLines(lines).getLog();
        });
        String text = log == null ? "" : log;
        long count = text.lines().count();
        return ActionResult.of(count + " line(s) from the previous container of " + pod, Map.of("log", text));
    }
}
