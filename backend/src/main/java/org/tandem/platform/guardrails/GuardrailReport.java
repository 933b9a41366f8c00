package org.tandem.platform.guardrails;

import java.util.List;

/**
 * What the guardrails found for one draft, as it is stored with the draft (one JSON column) and
 * shown to the reviewer: codes for machines and KPIs, French messages for people.
 *
 * <p>Messages may quote the member's message or the draft: the report belongs with the draft in
 * the application's tables, never in a process variable (which holds at most
 * {@link #blocksApproval()}) nor in a log line.
 *
 * @param input         injection flags on the untrusted texts (informative: they never block)
 * @param output        violations of the final draft of this AI step
 * @param decision      what the retry policy decided for it
 * @param regenerations how many times the model was asked again because of the guardrails
 */
public record GuardrailReport(
        List<Finding> input, List<Finding> output, RetryDecision.Action decision, int regenerations) {

    /** @param blocking true when no one can approve a text with it */
    public record Finding(String code, boolean blocking, String message) {}

    public GuardrailReport {
        input = List.copyOf(input);
        output = List.copyOf(output);
    }

    public static GuardrailReport of(List<InjectionFlag> injectionFlags, RetryDecision decision, int regenerations) {
        return new GuardrailReport(
                injectionFlags.stream()
                        .map(f -> new Finding(f.code(), false, f.messageFr()))
                        .toList(),
                decision.violations().stream()
                        .map(v -> new Finding(v.code().name(), v.blocksApproval(), v.messageFr()))
                        .toList(),
                decision.action(),
                regenerations);
    }

    public boolean blocksApproval() {
        return output.stream().anyMatch(Finding::blocking);
    }
}
