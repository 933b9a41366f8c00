package org.tandem.knowledge;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The owner's answer to « Relire le document »: CONFIRM (still right: reviewed today), UPDATE (the new
 * title and content, which count as today's review) or RETIRE (no longer served; a comment says why).
 */
@io.swagger.v3.oas.annotations.media.Schema(name = "KnowledgeReviewDecision")
public record ReviewDecision(
        @NotNull(message = "Indiquez votre décision : confirmer, mettre à jour ou retirer le document.")
        Decision decision,

        @Size(max = 2000, message = "Le commentaire ne doit pas dépasser 2 000 caractères.")
        String comment,

        @Size(max = 200, message = "Le titre ne doit pas dépasser 200 caractères.")
        String title,

        @Size(max = 200_000, message = "Le contenu ne doit pas dépasser 200 000 caractères.")
        String body) {

    public enum Decision {
        CONFIRM,
        UPDATE,
        RETIRE;

        /** The flag the process routes on (knowledge-review.bpmn). */
        String variable() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static ReviewDecision confirm(String comment) {
        return new ReviewDecision(Decision.CONFIRM, comment, null, null);
    }
}
