package org.tandem.platform.guardrails;

import java.util.List;

/**
 * What to do with a draft after the output guardrails.
 *
 * @param instructionFr for {@link Action#REGENERATE}: the French text to append to the user prompt
 *                      (it goes through pseudonymisation like the rest of the prompt); null otherwise
 * @param summaryFr     for the reviewer: why the draft reaches them the way it does; null when all is well
 * @param violations    every violation found, shown to the reviewer whatever the action
 */
public record RetryDecision(Action action, String instructionFr, String summaryFr, List<Violation> violations) {

    public enum Action {
        /** Nothing the model should fix: to the reviewer (placeholders, if any, are shown and block approval). */
        SEND_TO_REVIEWER,
        /** Ask the model once more, with the reasons appended to the prompt. */
        REGENERATE,
        /** The model failed again: to the reviewer, with the failures shown. */
        SEND_TO_REVIEWER_WITH_FAILURES
    }

    public RetryDecision {
        violations = List.copyOf(violations);
    }
}
