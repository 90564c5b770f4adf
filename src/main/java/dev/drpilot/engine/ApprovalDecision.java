package dev.drpilot.engine;

/**
 * What was decided about a step's request for a second person's approval: given or refused by
 * another responder, or (with no second person to ask) overridden by the incident commander.
 */
public sealed interface ApprovalDecision {

    String reason();

    /** "Approved by bob: the DR region is healthy", as the step's line and the screen say it. */
    default String inWords() {
        return switch (this) {
            case Given given -> "Approved by " + given.approver() + ": " + reason();
            case Refused refused -> StepApprovals.refusal(refused.approver(), reason());
            case Overridden overridden ->
                "Approved by override, no second person (" + overridden.commander() + "): " + reason();
        };
    }

    /** Another responder approved: the step runs once. */
    record Given(String approver, String reason) implements ApprovalDecision {}

    /** Another responder refused: the step does not run. */
    record Refused(String approver, String reason) implements ApprovalDecision {}

    /** No second person could be asked: the commander went ahead alone, which the post-mortem flags. */
    record Overridden(String commander, String reason) implements ApprovalDecision {}
}
