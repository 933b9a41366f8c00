package org.tandem.platform.footprint;

import java.math.BigDecimal;

/**
 * What a project would consume in a year, before it starts: an input of the directorate's scoring.
 * Energy in kWh; emissions in kgCO2e, usage and embodied apart; cost null when the price is unknown.
 */
public record YearlyForecast(
        String model,
        long casesPerYear,
        long inputTokensPerCase,
        long outputTokensPerCase,
        Range energyKwh,
        Range usageKgCo2e,
        Range embodiedKgCo2e,
        BigDecimal costEur,
        String methodVersion) {

    public Range totalKgCo2e() {
        return usageKgCo2e.plus(embodiedKgCo2e);
    }

    /**
     * The same per-request functions, times the volume. Every term of the method is proportional
     * to the output tokens when no latency is measured, so one case times the volume is exact.
     */
    public static YearlyForecast of(
            ModelSpec model,
            Hosting hosting,
            Price price,
            long casesPerYear,
            long inputTokensPerCase,
            long outputTokensPerCase) {
        if (casesPerYear < 0 || inputTokensPerCase < 0) {
            throw new IllegalArgumentException("Volumes cannot be negative");
        }
        Footprint perCase = FootprintCalculator.estimate(model, hosting, outputTokensPerCase);
        BigDecimal cost = price == null
                ? null
                : price.costEur(inputTokensPerCase, outputTokensPerCase).multiply(BigDecimal.valueOf(casesPerYear));
        return new YearlyForecast(
                model.name(),
                casesPerYear,
                inputTokensPerCase,
                outputTokensPerCase,
                perCase.energyWh().times(casesPerYear / 1000.0),
                perCase.usageKgCo2e().times(casesPerYear),
                perCase.embodiedKgCo2e().times(casesPerYear),
                cost,
                perCase.methodVersion());
    }
}
