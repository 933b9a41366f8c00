package org.tandem.platform.footprint;

import org.tandem.platform.ai.AiFailure;

/**
 * The facts of one model call, as the caller knows them; cost and footprint are derived by the
 * {@link ModelCallRecorder}.
 *
 * @param caseId       null for a call outside a case (a test, a forecast run)
 * @param inputTokens  null when unknown (a failed call)
 * @param outputTokens null when unknown (a failed call)
 * @param failure      null when the call succeeded
 */
public record ModelCall(
        Long caseId,
        String useCaseKey,
        String promptVersion,
        String provider,
        String model,
        Integer inputTokens,
        Integer outputTokens,
        long latencyMs,
        AiFailure failure) {

    public boolean succeeded() {
        return failure == null;
    }
}
