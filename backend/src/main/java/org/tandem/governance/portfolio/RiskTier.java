package org.tandem.governance.portfolio;

/**
 * The AI Act's risk tiers (regulation 2024/1689). Pricing or underwriting of life and health
 * insurance is high-risk (annex III, 5(c)); a chatbot is limited risk (transparency duty).
 */
public enum RiskTier {
    MINIMAL(100),
    LIMITED(70),
    HIGH(30),
    UNACCEPTABLE(0);

    private final double score;

    RiskTier(double score) {
        this.score = score;
    }

    /** 0–100, higher is safer. */
    public double score() {
        return score;
    }
}
