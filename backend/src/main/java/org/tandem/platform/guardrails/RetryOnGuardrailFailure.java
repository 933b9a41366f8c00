package org.tandem.platform.guardrails;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether a draft that breaks a rule is asked for again or handed to people. One regeneration by
 * default: a model that ignores a stated rule twice is unlikely to obey a third time, each call
 * costs tokens and energy (proposals 18–19), and a person is waiting.
 *
 * <p>Pure: the worker says how many regenerations it already made for the draft.
 */
public record RetryOnGuardrailFailure(int maxRegenerations) {

    public RetryOnGuardrailFailure {
        if (maxRegenerations < 0) {
            throw new IllegalArgumentException("maxRegenerations must not be negative");
        }
    }

    public static RetryOnGuardrailFailure once() {
        return new RetryOnGuardrailFailure(1);
    }

    public RetryDecision decide(List<Violation> violations, int regenerationsSoFar) {
        List<Violation> fixable =
                violations.stream().filter(Violation::regenerate).toList();
        if (fixable.isEmpty()) {
            String summary =
                    violations.isEmpty() ? null : "Points à traiter avant l'approbation : " + messages(violations);
            return new RetryDecision(RetryDecision.Action.SEND_TO_REVIEWER, null, summary, violations);
        }
        if (regenerationsSoFar < maxRegenerations) {
            return new RetryDecision(RetryDecision.Action.REGENERATE, instruction(fixable), null, violations);
        }
        String summary = "Le brouillon de l'IA ne respecte pas les garde-fous"
                + (maxRegenerations > 0
                        ? ", même après "
                                + (maxRegenerations == 1
                                        ? "une nouvelle tentative"
                                        : maxRegenerations + " nouvelles tentatives")
                        : "")
                + " : " + messages(violations);
        return new RetryDecision(RetryDecision.Action.SEND_TO_REVIEWER_WITH_FAILURES, null, summary, violations);
    }

    /** Built from the rules only (see {@link Violation#instructionFr()}): nothing of the draft goes back. */
    private static String instruction(List<Violation> fixable) {
        return "\nTa proposition précédente ne respectait pas les règles suivantes. Rédige-la de nouveau en les "
                + "respectant toutes :\n"
                + fixable.stream().map(v -> "- " + v.instructionFr()).distinct().collect(Collectors.joining("\n"))
                + "\n";
    }

    private static String messages(List<Violation> violations) {
        return violations.stream().map(Violation::messageFr).collect(Collectors.joining(" "));
    }
}
