package org.tandem.platform.guardrails;

/**
 * What an output guardrail found, and what follows from it.
 *
 * <ul>
 *   <li>{@code regenerate}: the model can fix it if asked once more with the reason;</li>
 *   <li>{@code blocksApproval}: no one can approve a text that still has it. Placeholders block
 *       approval but do not trigger a regeneration: the pre-prompt asks the model to write
 *       [À COMPLÉTER : …] where it lacks a fact, and only a person can fill that in.</li>
 * </ul>
 * Length and required mentions are the use case's style rules: they trigger a regeneration, then
 * the reviewer judges; they do not block an approval.
 */
public enum ViolationCode {
    EMPTY(true, true),
    LEFTOVER_TOKEN(true, true),
    FORBIDDEN_OPENING(true, true),
    PLACEHOLDER(false, true),
    TOO_SHORT(true, false),
    TOO_LONG(true, false),
    MISSING_MENTION(true, false);

    private final boolean regenerate;
    private final boolean blocksApproval;

    ViolationCode(boolean regenerate, boolean blocksApproval) {
        this.regenerate = regenerate;
        this.blocksApproval = blocksApproval;
    }

    public boolean regenerate() {
        return regenerate;
    }

    public boolean blocksApproval() {
        return blocksApproval;
    }
}
