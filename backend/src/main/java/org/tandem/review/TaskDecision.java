package org.tandem.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a person decides on a task. APPROVE carries the final text (edited or not). */
public record TaskDecision(
        @NotNull(message = "Indiquez votre décision.")
        Decision decision,
        @Size(max = 50000, message = "Le texte ne doit pas dépasser 50 000 caractères.")
        String text) {

    public enum Decision { APPROVE, SUBMIT }
}
