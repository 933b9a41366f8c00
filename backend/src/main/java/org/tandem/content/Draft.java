package org.tandem.content;

import java.time.OffsetDateTime;
import org.tandem.content.drafting.OfflineDrafter;

/** A proposed text for a case: from a model, from the offline drafter, or written by hand. */
public record Draft(
        long id,
        long caseId,
        String externalTaskId,
        int attempt,
        String text,
        Producer producer,
        String model,
        String promptVersion,
        Integer inputTokens,
        Integer outputTokens,
        Long latencyMs,
        OffsetDateTime createdAt) {

    public enum Producer {
        /** A generative model wrote it. */
        MODEL,
        /** The offline drafter filled the use case's template: no model, the words are the template's. */
        OFFLINE,
        /** A person wrote it (hand-drafting). */
        HUMAN;

        /**
         * Whether a generative model wrote this text: only then does it count as AI in a label, a
         * measured AI share or a provenance record. The offline drafter's template is people's text
         * (the use case's owners wrote it; the drafter only fills in the request), so it is not AI.
         */
        public boolean isAi() {
            return this == MODEL;
        }

        /** Whether the AI step proposed it (a model, or the offline drafter standing in for one). */
        public boolean fromAiStep() {
            return this != HUMAN;
        }
    }

    /** What a person reads next to the draft: never ambiguous about who or what wrote it. */
    public String producerLabel() {
        return switch (producer) {
            case OFFLINE -> OfflineDrafter.LABEL;
            case MODEL -> "Brouillon produit par l'IA générative (" + model + ")";
            case HUMAN -> "Rédigé par un collaborateur";
        };
    }
}
