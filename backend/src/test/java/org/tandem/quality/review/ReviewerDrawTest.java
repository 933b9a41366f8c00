package org.tandem.quality.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The second review's draw: its rate over 1,000 draws, and who may be drawn. */
class ReviewerDrawTest {

    static final List<String> EXPERTS = List.of("bob", "chloe", "hugo");

    @Test
    void oneThousandDrawsAtTwentyPercentLandWithinTheBinomialTolerance() {
        SplittableRandom random = new SplittableRandom(17);
        int drawn = 0;
        for (int i = 0; i < 1_000; i++) {
            if (ReviewerDraw.draw(random, 0.2, EXPERTS, Set.of("bob")).drawn()) {
                drawn++;
            }
        }
        // n·p = 200, σ = √(1000·0.2·0.8) ≈ 12.65: four σ either side
        assertThat(drawn).isBetween(200 - 51, 200 + 51);
    }

    @Test
    void theSecondReviewerIsNeverSomeoneWhoWorkedOnTheCaseAndEveryOtherExpertGetsSome() {
        SplittableRandom random = new SplittableRandom(3);
        Map<String, Integer> byReviewer = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            ReviewerDraw.Draw d = ReviewerDraw.draw(random, 1.0, EXPERTS, Set.of("bob", "alice"));
            assertThat(d.drawn()).isTrue();
            assertThat(d.reviewer()).isIn("chloe", "hugo");
            byReviewer.merge(d.reviewer(), 1, Integer::sum);
        }
        assertThat(byReviewer.get("chloe")).isBetween(400, 600);
        assertThat(byReviewer.get("hugo")).isBetween(400, 600);
    }

    @Test
    void aDrawWithNobodyIndependentLeftHasNoReviewerAndRateZeroNeverDraws() {
        ReviewerDraw.Draw d = ReviewerDraw.draw(new SplittableRandom(1), 1.0, EXPERTS, Set.copyOf(EXPERTS));
        assertThat(d.withoutReviewer()).isTrue();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 1_000; i++) {
            assertThat(ReviewerDraw.draw(random, 0.0, EXPERTS, Set.of()).drawn())
                    .isFalse();
        }
    }
}
