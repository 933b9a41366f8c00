package org.tandem.platform.guardrails;

/**
 * One rule a draft breaks.
 *
 * @param messageFr     for the reviewer; may quote the draft, so it is stored with the draft and
 *                      never put in a process variable or a log line
 * @param instructionFr for the model when the draft is regenerated: built from the rule alone,
 *                      never from the draft, so it carries no personal data back to the provider
 */
public record Violation(ViolationCode code, String messageFr, String instructionFr) {

    public boolean regenerate() {
        return code.regenerate();
    }

    public boolean blocksApproval() {
        return code.blocksApproval();
    }
}
