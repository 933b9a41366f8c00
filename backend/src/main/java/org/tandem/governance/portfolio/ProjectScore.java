package org.tandem.governance.portfolio;

import java.time.OffsetDateTime;

/** The stored scoring of a project: inputs, forecast footprint and the score with its breakdown. */
public record ProjectScore(
        long projectId,
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
        String scoredBy,
        OffsetDateTime scoredAt) {}
