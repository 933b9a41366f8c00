package org.tandem.governance.ideas;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An employee's need, described in their words: the legal alternative to shadow AI. */
public record IdeaRequest(
        @NotBlank(message = "Donnez un titre à votre idée.")
        @Size(max = 200, message = "Le titre ne doit pas dépasser 200 caractères.")
        String title,

        @NotBlank(message = "Décrivez le problème à résoudre.")
        @Size(max = 5000, message = "Le problème ne doit pas dépasser 5 000 caractères.")
        String problem,

        @NotBlank(message = "Indiquez l'équipe concernée.")
        @Size(max = 200, message = "L'équipe ne doit pas dépasser 200 caractères.")
        String team,

        @NotBlank(message = "Indiquez à quelle fréquence la tâche revient.")
        @Size(max = 200, message = "La fréquence ne doit pas dépasser 200 caractères.")
        String frequency,

        @NotBlank(message = "Indiquez le temps passé aujourd'hui.")
        @Size(max = 200, message = "Le temps passé ne doit pas dépasser 200 caractères.")
        String timeSpent,

        @NotBlank(message = "Indiquez les données concernées (ou « aucune »).")
        @Size(max = 2000, message = "Les données ne doivent pas dépasser 2 000 caractères.")
        String dataInvolved,

        @NotBlank(message = "Choisissez la direction concernée.")
        @Size(max = 32, message = "La direction est inconnue.")
        String directorateCode) {}
