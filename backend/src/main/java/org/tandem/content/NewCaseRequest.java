package org.tandem.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an adviser files: the use case, the member, the subject and the message, with or without the AI. */
@MemberWhenRequired
public record NewCaseRequest(
        @NotBlank(message = "Choisissez un cas d'usage.") @Size(max = 64, message = "Le cas d'usage est inconnu.")
        String useCaseKey,
        // required unless the use case concerns no member (@MemberWhenRequired)
        @Size(max = 32, message = "Le sociétaire est inconnu.")
        String memberId,

        @NotBlank(message = "L'objet est obligatoire.")
        @Size(max = 200, message = "L'objet ne doit pas dépasser 200 caractères.")
        String subject,

        @NotBlank(message = "Le message du sociétaire est obligatoire.")
        @Size(max = 20000, message = "Le message ne doit pas dépasser 20 000 caractères.")
        String message,

        // « sans IA »: the adviser writes it by hand (proposal 15); counted apart in the experiment's figures
        Boolean withoutAi,

        @Size(max = 300, message = "La raison de rédiger sans IA fait 300 caractères au plus.")
        String withoutAiReason) {

    /** A request for the AI's draft (the usual case). */
    public NewCaseRequest(String useCaseKey, String memberId, String subject, String message) {
        this(useCaseKey, memberId, subject, message, null, null);
    }

    /** Whether the adviser asked to write it without AI. */
    public boolean handWrittenByChoice() {
        return Boolean.TRUE.equals(withoutAi);
    }
}
