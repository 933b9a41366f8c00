package org.tandem.governance.portfolio;

/**
 * The directorate's score of a project: absolute, so a project's score does not move when other
 * ideas come in, and the same project scores the same in every directorate except for the weights.
 *
 * <p>Each criterion is put on 0–100 against a fixed reference, on a log scale because volumes,
 * costs and emissions span orders of magnitude (1 h or 10 000 h saved a year):
 * <ul>
 *   <li>value = 60 % time (hours saved a year = cases × minutes saved / 60, scored
 *       {@code 100·log10(1+h)/log10(1+10 000)}, capped at 100) + 40 % member benefit (0–5 × 20);</li>
 *   <li>cost = {@code 100·(1 − log10(1+€)/log10(1+1 000 000))} on the first year's cost (build + run,
 *       tokens at the catalogue's price): cheaper scores higher;</li>
 *   <li>feasibility = the directorate's 1–5 judgement, {@code (f−1)·25};</li>
 *   <li>environment = {@code 100·(1 − log10(1+kg)/log10(1+10 000))} on the upper bound of the yearly
 *       CO2e forecast (FOOTPRINT.md): the frugal project scores higher;</li>
 *   <li>risk = the AI Act tier: minimal 100, limited 70, high 30, unacceptable 0.</li>
 * </ul>
 * Total = Σ weightᵢ·scoreᵢ / Σ weightᵢ, with the directorate's weights, on the criteria as shown (to
 * 0.1), so that the ranking at any date recomputes the same total from the stored criteria and the
 * weights then in force. An unacceptable-risk project (prohibited practice) scores 0 whatever its
 * other merits.
 */
public final class ScoreFormula {

    static final double HOURS_REFERENCE = 10_000;
    static final double COST_REFERENCE_EUR = 1_000_000;
    static final double CO2E_REFERENCE_KG = 10_000;

    private ScoreFormula() {}

    public record Breakdown(
            double value, double cost, double feasibility, double environment, double risk, double total) {}

    public static Breakdown score(
            double casesPerYear,
            double minutesSavedPerCase,
            int memberBenefit,
            double firstYearCostEur,
            int feasibility,
            double kgCo2ePerYear,
            RiskTier risk,
            Weights w) {
        double hours = Math.max(0, casesPerYear * minutesSavedPerCase / 60.0);
        double value = 0.6 * logScore(hours, HOURS_REFERENCE) + 0.4 * clamp(memberBenefit, 0, 5) * 20;
        double cost = 100 - logScore(Math.max(0, firstYearCostEur), COST_REFERENCE_EUR);
        double feas = (clamp(feasibility, 1, 5) - 1) * 25;
        double env = 100 - logScore(Math.max(0, kgCo2ePerYear), CO2E_REFERENCE_KG);
        double riskScore = risk.score();
        double v = round(value);
        double c = round(cost);
        double f = round(feas);
        double e = round(env);
        double r = round(riskScore);
        return new Breakdown(v, c, f, e, r, total(v, c, f, e, r, risk, w));
    }

    /** The total of criteria already on 0–100, with a directorate's weights (the ranking at a date recomputes it). */
    public static double total(
            double value, double cost, double feasibility, double environment, double risk, RiskTier tier, Weights w) {
        if (tier == RiskTier.UNACCEPTABLE) {
            return 0;
        }
        return round((w.value() * value
                        + w.cost() * cost
                        + w.feasibility() * feasibility
                        + w.environment() * environment
                        + w.risk() * risk)
                / w.sum());
    }

    /** 0 at 0, 100 at the reference and above, logarithmic in between. */
    static double logScore(double x, double reference) {
        return Math.min(100, 100 * Math.log10(1 + x) / Math.log10(1 + reference));
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
