package dev.drpilot.engine;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionContract;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.ArgSpec;
import dev.drpilot.action.ArgType;
import dev.drpilot.action.CommandTemplate;
import dev.drpilot.action.OutputSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Actions written for the engine's tests, each with the behaviour its name says, and their contracts. */
public final class EngineTestActions {

    public static final ActionCatalog CATALOG = ActionCatalog.of(List.of(
            contract(
                    "process.test.succeed",
                    false,
                    List.of(arg("name", true, false), arg("password", false, true)),
                    List.of("greeting"),
                    "echo hello {name} [--password {password}]"),
            contract("process.test.fail", false, List.of(), List.of(), "false"),
            contract("process.test.throttled", false, List.of(), List.of("attempts"), "retry-me"),
            contract(
                    "process.test.waitForReady",
                    false,
                    List.of(arg("polls", true, false)),
                    List.of("polls"),
                    "wait {polls}"),
            contract("process.test.block", false, List.of(), List.of(), "block"),
            contract(
                    "process.test.delete",
                    true,
                    List.of(arg("resource", true, false)),
                    List.of("deleted"),
                    "delete {resource}")));

    private static ActionContract contract(
            String id, boolean destructive, List<ArgSpec> args, List<String> outputs, String command) {
        return new ActionContract(
                id,
                id,
                "test",
                "test:" + id,
                destructive,
                args,
                outputs.stream().map(o -> new OutputSpec(o, o)).toList(),
                CommandTemplate.of(command),
                null);
    }

    private static ArgSpec arg(String name, boolean required, boolean sensitive) {
        return new ArgSpec(name, ArgType.STRING, required, sensitive, name);
    }

    public static final class Succeed implements Action {
        public String id() {
            return "process.test.succeed";
        }

        public ActionResult execute(Map<String, Object> args, ActionContext context) {
            context.apiCall("test", "Greet", "req-1");
            return ActionResult.of("greeted " + args.get("name"), Map.of("greeting", "hello " + args.get("name")));
        }
    }

    public static final class Fail implements Action {
        public String id() {
            return "process.test.fail";
        }

        public ActionResult execute(Map<String, Object> args, ActionContext context) throws ActionException {
            throw ActionException.permanent("Access denied: test:Fail is not allowed for role operator");
        }
    }

    /** Throttled twice, then succeeds. */
    public static final class Throttled implements Action {
        final AtomicInteger calls = new AtomicInteger();

        public String id() {
            return "process.test.throttled";
        }

        public ActionResult execute(Map<String, Object> args, ActionContext context) throws ActionException {
            int n = calls.incrementAndGet();
            if (n <= 2) throw ActionException.transientFailure("Throttling: rate exceeded");
            return ActionResult.of("done after " + n, Map.of("attempts", n));
        }
    }

    /** Waits until its resource is ready, which it is after the given number of polls. */
    public static final class WaitForReady implements Action {
        public String id() {
            return "process.test.waitForReady";
        }

        public ActionResult execute(Map<String, Object> args, ActionContext context)
                throws ActionException, InterruptedException {
            int readyAfter = Integer.parseInt(String.valueOf(args.get("polls")));
            AtomicInteger polls = new AtomicInteger();
            int seen = context.waitUntil(
                    "the test resource to be ready",
                    () -> polls.incrementAndGet() >= readyAfter ? Optional.of(polls.get()) : Optional.empty(),
                    Duration.ofMinutes(30));
            return ActionResult.of("ready", Map.of("polls", seen));
        }
    }

    /** Blocks until cancelled; says when it has started. */
    public static final class Block implements Action {
        final CountDownLatch started = new CountDownLatch(1);

        public String id() {
            return "process.test.block";
        }

        public ActionResult execute(Map<String, Object> args, ActionContext context) throws InterruptedException {
            started.countDown();
            new CountDownLatch(1).await();
            throw new IllegalStateException("unreachable");
        }
    }

    public static final class Delete implements Action {
        final AtomicInteger calls = new AtomicInteger();

        public String id() {
            return "process.test.delete";
        }

        public ActionResult execute(Map<String, Object> args, ActionContext context) {
            calls.incrementAndGet();
            return ActionResult.of("deleted " + args.get("resource"), Map.of("deleted", args.get("resource")));
        }
    }

    private EngineTestActions() {}
}
