package org.tandem.governance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.tandem.governance.SurveySampling;

/** The comfort survey's draw: one case in N, the same answer for the same case, no pattern in the ids. */
class SurveySamplingTest {

    @Test
    void drawsAboutOneCaseInNAndAlwaysTheSameOnes() {
        long drawn = LongStream.rangeClosed(1, 10_000)
                .filter(id -> SurveySampling.drawn(id, 5))
                .count();
        assertThat(drawn).isBetween(1_850L, 2_150L);
        assertThat(LongStream.rangeClosed(1, 1_000)
                        .filter(id -> SurveySampling.drawn(id, 3))
                        .count())
                .isBetween(300L, 367L);
        for (long id = 1; id <= 200; id++) {
            assertThat(SurveySampling.drawn(id, 5)).isEqualTo(SurveySampling.drawn(id, 5));
        }
    }

    @Test
    void oneInOneAsksEveryCase() {
        assertThat(LongStream.rangeClosed(1, 100).allMatch(id -> SurveySampling.drawn(id, 1)))
                .isTrue();
    }

    @Test
    void consecutiveCasesAreNotDrawnInStep() {
        // with a plain modulo, every fifth case would be drawn: a pattern the filing order could bias
        long everyFifth = LongStream.rangeClosed(1, 100)
                .filter(id -> id % 5 == 0)
                .filter(id -> SurveySampling.drawn(id, 5))
                .count();
        assertThat(everyFifth).isLessThan(20);
        assertThat(SurveySampling.drawn(15, 5)).isTrue();
        assertThat(SurveySampling.drawn(20, 5)).isFalse();
    }
}
