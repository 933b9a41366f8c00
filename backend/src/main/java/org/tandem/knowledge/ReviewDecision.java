package org.tandem.knowledge;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The owner's answer to « Relire le document ». A document that is not up to date needs a comment. */
@io.swagger.v3.oas.annotations.media.Schema(name = "KnowledgeReviewDecision")
public record ReviewDecision(
        @NotNull(message = "Indiquez si le document est exact et à jour.")
        Boolean reviewed,

        @Size(max = 2000, message = "Le commentaire ne doit pas dépasser 2 000 caractères.")
        String comment) {}
