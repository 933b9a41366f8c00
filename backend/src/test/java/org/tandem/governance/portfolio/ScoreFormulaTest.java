package org.tandem.governance.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The documented formula against values computed by hand (log10 on a calculator). */
class ScoreFormulaTest {

    static final Weights RESEAU = new Weights(30, 15, 20, 20, 15);

    @Test
    void aMeetingReportProjectScoredByHand() {
        // 24 000 cases × 10 min = 4 000 h a year: 100·log10(4 001)/log10(10 001) = 90.053; value = 0.6·90.053 + 0.4·60
        // cost 30 000 €: 100 − 100·log10(30 001)/log10(1 000 001) = 25.381; feasibility 4 → 75
        // 100 kgCO2e: 100 − 100·log10(101)/log10(10 001) = 49.893; limited risk → 70
        // total = (30·78.032 + 15·25.381 + 20·75 + 20·49.893 + 15·70) / 100 = 62.695
        var b = ScoreFormula.score(24_000, 10, 3, 30_000, 4, 100, RiskTier.LIMITED, RESEAU);
        assertThat(b.value()).isEqualTo(78.0);
        assertThat(b.cost()).isEqualTo(25.4);
        assertThat(b.feasibility()).isEqualTo(75.0);
        assertThat(b.environment()).isEqualTo(49.9);
        assertThat(b.risk()).isEqualTo(70.0);
        assertThat(b.total()).isEqualTo(62.7);
    }

    @Test
    void theScoreIsAbsoluteAndOnlyTheWeightsChangeItBetweenDirectorates() {
        var a = ScoreFormula.score(24_000, 10, 3, 30_000, 4, 100, RiskTier.LIMITED, RESEAU);
        var again = ScoreFormula.score(24_000, 10, 3, 30_000, 4, 100, RiskTier.LIMITED, RESEAU);
        assertThat(again).isEqualTo(a);
        var valueOnly = ScoreFormula.score(24_000, 10, 3, 30_000, 4, 100, RiskTier.LIMITED, new Weights(1, 0, 0, 0, 0));
        assertThat(valueOnly.total()).isEqualTo(a.value());
        // proportions only: doubling every weight changes nothing
        assertThat(ScoreFormula.score(24_000, 10, 3, 30_000, 4, 100, RiskTier.LIMITED, new Weights(60, 30, 40, 40, 30))
                        .total())
                .isEqualTo(a.total());
    }

    @Test
    void capsAndTheProhibitedTier() {
        var huge = ScoreFormula.score(10_000_000, 60, 5, 0, 5, 0, RiskTier.MINIMAL, RESEAU);
        assertThat(huge.value()).isEqualTo(100.0);
        assertThat(huge.cost()).isEqualTo(100.0);
        assertThat(huge.environment()).isEqualTo(100.0);
        assertThat(huge.total()).isEqualTo(100.0);
        var prohibited = ScoreFormula.score(10_000_000, 60, 5, 0, 5, 0, RiskTier.UNACCEPTABLE, RESEAU);
        assertThat(prohibited.total()).isZero();
        // 50 cases × 10 min: 8.3 h → 0.6·100·log10(9.33)/log10(10 001) + 0.4·20 = 22.6
        assertThat(ScoreFormula.score(50, 10, 1, 0, 1, 0, RiskTier.MINIMAL, RESEAU)
                        .value())
                .isEqualTo(22.6);
        assertThatThrownBy(() -> new Weights(0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Weights(-1, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
