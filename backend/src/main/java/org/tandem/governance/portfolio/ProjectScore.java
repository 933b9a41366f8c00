package org.tandem.governance.portfolio;

import java.time.OffsetDateTime;

/**
 * One scoring of a project, as stored and never changed (re-scoring appends a new one): the inputs,
 * the forecast footprint, the score with its breakdown, the directorate's weights it was computed
 * with, who scored it, when and why.
 *
 * @param reason why it was scored again; null for a project's first scoring
 */
public record ProjectScore(
        long id,
        long projectId,
        String directorateCode,
        long casesPerYear,
        double minutesSavedPerCase,
        int memberBenefit,
        double buildCostEur,
        String model,
        long inputTokensPerCase,
        long outputTokensPerCase,
        int feasibility,
        String riskTier,
        Double runCostEurPerYear,
        double energyKwhMin,
        double energyKwhMax,
        double kgco2eMin,
        double kgco2eMax,
        double valueScore,
        double costScore,
        double feasibilityScore,
        double environmentScore,
        double riskScore,
        double totalScore,
        String weights,
        double wValue,
        double wCost,
        double wFeasibility,
        double wEnvironment,
        double wRisk,
        String scoredBy,
        OffsetDateTime scoredAt,
        String reason) {

    /** The weights this score's total was computed with. */
    public Weights weightsUsed() {
        return new Weights(wValue, wCost, wFeasibility, wEnvironment, wRisk);
    }
}
