package org.tandem.governance.ideas;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The referent's triage: merge into another idea, reject with a reason the submitter sees, or accept. */
public record TriageRequest(
        @NotNull(message = "Choisissez une décision : fusionner, écarter ou accepter.")
        Decision decision,

        @Size(max = 2000, message = "Le motif ne doit pas dépasser 2 000 caractères.")
        String reason,

        Long mergeInto) {

    public enum Decision {
        MERGE,
        REJECT,
        ACCEPT
    }
}
