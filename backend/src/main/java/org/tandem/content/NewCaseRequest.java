package org.tandem.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

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
        String message) {}
