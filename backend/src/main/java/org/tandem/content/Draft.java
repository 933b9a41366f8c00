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
        MODEL,
        OFFLINE,
        HUMAN;

        public boolean isAi() {
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
