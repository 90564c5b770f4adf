package dev.drpilot.action.k8s;

import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;

/**
 * The Kubernetes client of an incident, built on its first step from the operator's kubeconfig
 * (exec credential plugins such as {@code aws eks get-token} included) and reused. The incident
 * is pinned to the context and API server of that first step: before each step the kubeconfig
 * is read again, and a step that would now run against another cluster is refused, naming both.
 */
public final class KubeClients implements AutoCloseable {

    private final KubeSettings settings;
    private KubernetesClient client;
    private String pinnedContext;
    private String pinnedServer;
    private Connection observer;

    public KubeClients(KubeSettings settings) {
        this.settings = settings;
    }

    /** The client for a step, after checking the kubeconfig still points at the pinned cluster. */
    synchronized Connection connect(ActionContext context) throws ActionException {
        Config config = readConfig();
        String contextName = config.getCurrentContext() == null
                ? "(no context)"
                : config.getCurrentContext().getName();
        String server = config.getMasterUrl();
        if (client == null) {
            config.setRequestRetryBackoffLimit(0); // the engine retries, each retry logged and shown
            client = new KubernetesClientBuilder().withConfig(config).build();
            pinnedContext = contextName;
            pinnedServer = server;
            context.statusChange("Kubernetes", "context " + contextName + " at " + server);
        } else if (!server.equals(pinnedServer)) {
            throw ActionException.permanent(
                    "This incident is pinned to the cluster of context " + pinnedContext + " (" + pinnedServer
                            + "), but your kubeconfig now points at " + server + " (context " + contextName
                            + "). Switch back with `kubectl config use-context "
                            + pinnedContext + "` before running this step.");
        }
        return new Connection(client, pinnedContext, pinnedServer);
    }

    /**
     * A client for looking at the cluster between steps (the live status panel): the incident's
     * pinned one once a step has connected, else one on the kubeconfig that pins nothing.
     */
    synchronized Connection observe() throws ActionException {
        if (client != null) return new Connection(client, pinnedContext, pinnedServer);
        if (observer == null) {
            Config config = readConfig();
            config.setRequestRetryBackoffLimit(0);
            String contextName = config.getCurrentContext() == null
                    ? "(no context)"
                    : config.getCurrentContext().getName();
            observer = new Connection(
                    new KubernetesClientBuilder().withConfig(config).build(), contextName, config.getMasterUrl());
        }
        return observer;
    }

    private Config readConfig() throws ActionException {
        if (!settings.exists()) {
            throw ActionException.permanent("No kubeconfig at " + settings.kubeconfig()
                    + ": run `aws eks update-kubeconfig --name CLUSTER --region REGION`"
                    + " or set KUBECONFIG, then retry this step.");
        }
        try {
            Config config = Config.fromKubeconfig(
                    settings.context(),
                    Files.readString(settings.kubeconfig()),
                    settings.kubeconfig().toString());
            if (settings.context() != null
                    && (config.getCurrentContext() == null
                            || !settings.context()
                                    .equals(config.getCurrentContext().getName()))) {
                throw ActionException.permanent("There is no context " + settings.context() + " in "
                        + settings.kubeconfig() + ": `kubectl config get-contexts` lists them.");
            }
            return config;
        } catch (IOException | RuntimeException e) {
            throw ActionException.permanent(
                    "Cannot read the kubeconfig " + settings.kubeconfig() + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) client.close();
        if (observer != null) observer.client().close();
    }

    /** A client with the context and server it talks to, for the messages. */
    record Connection(KubernetesClient client, String context, String server) {}
}
