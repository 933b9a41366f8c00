package org.tandem.governance.portfolio;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the directorate estimates of a project; the footprint and the score are computed from it. A
 * re-scoring says why ({@code reason}): the history keeps every scoring.
 */
public record ScoringRequest(
        @NotNull(message = "Indiquez le volume annuel de demandes.")
        @Min(value = 0, message = "Le volume ne peut pas être négatif.")
        @Max(value = 100_000_000, message = "Le volume est trop grand.")
        Long casesPerYear,

        @NotNull(message = "Indiquez le temps gagné par demande, en minutes.")
        @DecimalMin(value = "0", message = "Le temps gagné ne peut pas être négatif.")
        Double minutesSavedPerCase,

        @NotNull(message = "Notez le bénéfice pour le sociétaire, de 0 à 5.")
        @Min(value = 0, message = "Le bénéfice sociétaire se note de 0 à 5.")
        @Max(value = 5, message = "Le bénéfice sociétaire se note de 0 à 5.")
        Integer memberBenefit,

        @NotNull(message = "Indiquez le coût de construction, en euros.")
        @DecimalMin(value = "0", message = "Le coût ne peut pas être négatif.")
        Double buildCostEur,

        @NotBlank(message = "Choisissez le modèle envisagé.")
        String model,

        @NotNull(message = "Indiquez les jetons d'entrée par demande.")
        @Min(value = 0, message = "Les jetons ne peuvent pas être négatifs.")
        Long inputTokensPerCase,

        @NotNull(message = "Indiquez les jetons de sortie par demande.")
        @Min(value = 0, message = "Les jetons ne peuvent pas être négatifs.")
        Long outputTokensPerCase,

        @NotNull(message = "Notez la faisabilité, de 1 à 5.")
        @Min(value = 1, message = "La faisabilité se note de 1 à 5.")
        @Max(value = 5, message = "La faisabilité se note de 1 à 5.")
        Integer feasibility,

        @NotNull(message = "Choisissez le niveau de risque (AI Act).")
        RiskTier riskTier,

        @Size(max = 2000, message = "Le motif ne doit pas dépasser 2 000 caractères.")
        String reason) {

    /** A first scoring, which needs no reason. */
    public ScoringRequest(
            Long casesPerYear,
            Double minutesSavedPerCase,
            Integer memberBenefit,
            Double buildCostEur,
            String model,
            Long inputTokensPerCase,
            Long outputTokensPerCase,
            Integer feasibility,
            RiskTier riskTier) {
        this(
                casesPerYear,
                minutesSavedPerCase,
                memberBenefit,
                buildCostEur,
                model,
                inputTokensPerCase,
                outputTokensPerCase,
                feasibility,
                riskTier,
                null);
    }
}
