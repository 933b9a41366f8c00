package org.tandem.knowledge;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A document to create or replace. The body is Markdown: its headings cut it into passages.
 * Without {@code lastReviewed}, saving the document counts as its review today.
 */
public record DocumentInput(
        @NotBlank(message = "La référence est obligatoire.")
        @Pattern(
                regexp = "[A-Z0-9][A-Z0-9-]{1,63}",
                message = "La référence ne contient que des majuscules, des chiffres et des tirets (ex. PROD-AUTO-01).")
        String reference,

        @NotBlank(message = "La collection est obligatoire.")
        @Pattern(
                regexp = "[a-z0-9][a-z0-9-]{0,63}",
                message = "La collection ne contient que des minuscules, des chiffres et des tirets (ex. sinistres).")
        String collection,

        @NotBlank(message = "Le titre est obligatoire.")
        @Size(max = 200, message = "Le titre ne doit pas dépasser 200 caractères.")
        String title,

        @NotBlank(message = "Le contenu du document est obligatoire.")
        @Size(max = 200_000, message = "Le contenu ne doit pas dépasser 200 000 caractères.")
        String body,

        @NotBlank(message = "Le responsable du document est obligatoire.")
        @Size(max = 64, message = "Le responsable est inconnu.")
        String owner,

        @NotBlank(message = "Le groupe responsable est obligatoire.")
        @Size(max = 64, message = "Le groupe responsable est inconnu.")
        String ownerGroup,

        @PastOrPresent(message = "La date de dernière relecture ne peut pas être dans le futur.")
        LocalDate lastReviewed,

        @NotNull(message = "La périodicité de relecture est obligatoire.")
        @Min(value = 1, message = "La périodicité de relecture est d'au moins 1 jour.")
        @Max(value = 3650, message = "La périodicité de relecture ne dépasse pas 3 650 jours (10 ans).")
        Integer reviewIntervalDays) {}
