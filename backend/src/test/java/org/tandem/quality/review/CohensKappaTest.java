package org.tandem.quality.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cohen's κ and its Fleiss–Cohen–Everitt interval against examples worked out by hand. */
class CohensKappaTest {

    /**
     * Two raters, 50 items, two categories: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no.
     * By hand: pₒ = 35/50 = 0.70; marginals A (0.5, 0.5), B (0.6, 0.4); pₑ = 0.5·0.6 + 0.5·0.4 = 0.50;
     * κ = (0.70 − 0.50) / (1 − 0.50) = 0.40.
     * Variance: Σ pᵢᵢ[1 − (pᵢ. + p.ᵢ)(1 − κ)]² = 0.4·(1 − 1.1·0.6)² + 0.3·(1 − 0.9·0.6)² = 0.04624 + 0.06348 = 0.10972;
     * (1 − κ)² Σᵢ≠ⱼ pᵢⱼ(p.ᵢ + pⱼ.)² = 0.36·(0.1·1.1² + 0.2·0.9²) = 0.36·0.283 = 0.10188;
     * [κ − pₑ(1 − κ)]² = (0.40 − 0.30)² = 0.01; var = (0.10972 + 0.10188 − 0.01) / (50·0.25) = 0.016128;
     * SE = 0.126996; 95 % interval 0.40 ± 1.96·0.126996 = [0.15109, 0.64891].
     */
    @Test
    void theTwoByTwoExampleGivesTheKappaAndIntervalComputedByHand() {
        CohensKappa.Result r = CohensKappa.of(new long[][] {{20, 5}, {10, 15}});
        assertThat(r.n()).isEqualTo(50);
        assertThat(r.observedAgreement()).isCloseTo(0.70, within(1e-12));
        assertThat(r.expectedAgreement()).isCloseTo(0.50, within(1e-12));
        assertThat(r.kappa()).isCloseTo(0.40, within(1e-12));
        assertThat(r.standardError()).isCloseTo(0.126996, within(1e-6));
        assertThat(r.low()).isCloseTo(0.15109, within(1e-5));
        assertThat(r.high()).isCloseTo(0.64891, within(1e-5));
    }

    /**
     * Three verdicts, 20 drafts. Rater A: 8 ACCEPT, 8 EDIT, 4 REJECT; the table
     * [[6,2,0],[1,6,1],[0,1,3]] gives pₒ = 15/20 = 0.75, B's marginals (7, 9, 4)/20,
     * pₑ = (8·7 + 8·9 + 4·4)/400 = 144/400 = 0.36, κ = (0.75 − 0.36)/0.64 = 0.609375.
     */
    @Test
    void threeVerdictsAsTheSecondReviewRatesThem() {
        long[][] table = CohensKappa.table(
                List.of("ACCEPT", "EDIT", "REJECT"),
                List.of(
                        "ACCEPT", "ACCEPT", "ACCEPT", "ACCEPT", "ACCEPT", "ACCEPT", "ACCEPT", "ACCEPT", "EDIT", "EDIT",
                        "EDIT", "EDIT", "EDIT", "EDIT", "EDIT", "EDIT", "REJECT", "REJECT", "REJECT", "REJECT"),
                List.of(
                        "ACCEPT", "ACCEPT", "ACCEPT", "ACCEPT", "ACCEPT", "ACCEPT", "EDIT", "EDIT", "ACCEPT", "EDIT",
                        "EDIT", "EDIT", "EDIT", "EDIT", "EDIT", "REJECT", "EDIT", "REJECT", "REJECT", "REJECT"));
        assertThat(table).isEqualTo(new long[][] {{6, 2, 0}, {1, 6, 1}, {0, 1, 3}});
        CohensKappa.Result r = CohensKappa.of(table);
        assertThat(r.kappa()).isCloseTo(0.609375, within(1e-12));
        assertThat(r.low()).isLessThan(r.kappa());
        assertThat(r.high()).isGreaterThan(r.kappa()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void perfectAgreementIsOneWithNoSpreadAndChanceAgreementIsZero() {
        CohensKappa.Result perfect = CohensKappa.of(new long[][] {{10, 0}, {0, 5}});
        assertThat(perfect.kappa()).isEqualTo(1.0);
        assertThat(perfect.standardError()).isCloseTo(0.0, within(1e-12));
        // B says yes half the time whatever A says: agreement is what chance gives
        CohensKappa.Result chance = CohensKappa.of(new long[][] {{10, 10}, {10, 10}});
        assertThat(chance.kappa()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void kappaIsUndefinedWhenBothRatersUsedOneCategoryOnlyOrRatedNothing() {
        assertThat(CohensKappa.of(new long[][] {{12, 0}, {0, 0}}).kappa()).isNull();
        assertThat(CohensKappa.of(new long[][] {{0, 0}, {0, 0}}).n()).isZero();
        assertThatThrownBy(() -> CohensKappa.of(new long[][] {{1, 2}})).isInstanceOf(IllegalArgumentException.class);
    }
}
