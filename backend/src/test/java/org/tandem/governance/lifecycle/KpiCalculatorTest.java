package org.tandem.governance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KPI values against sums done by hand on four cases. */
class KpiCalculatorTest {

    static final OffsetDateTime T = OffsetDateTime.parse("2026-11-20T09:00:00Z");

    // id, approval ms, accepted as is, edit ratio, rejected, regenerations, hand-drafted, €, Wh, kgCO2e, comfort,
    // minutes saved, satisfaction
    static final List<CaseSample> CASES = List.of(
            new CaseSample(1, "a", T, 600_000L, true, 0.0, false, 0, false, 0.002, 0.5, 0.0001, 4.0, 10.0, 5),
            new CaseSample(2, "a", T, 1_200_000L, false, 0.4, false, 1, false, 0.004, 1.5, 0.0003, 2.0, null, null),
            new CaseSample(3, "a", T, null, false, null, true, 2, false, 0.006, 1.0, 0.0002, null, null, 3),
            new CaseSample(4, "a", T, 1_800_000L, false, null, false, 0, true, 0.0, 0.0, 0.0, null, 20.0, null));

    @Test
    void measuresFromTheCases() {
        // approval: (10 + 20 + 30) / 3 minutes, the rejected case has none
        assertThat(KpiCalculator.value(KpiMetric.TIME_TO_APPROVAL, CASES)).isCloseTo(20.0, within(1e-9));
        assertThat(KpiCalculator.sampleSize(KpiMetric.TIME_TO_APPROVAL, CASES)).isEqualTo(3);
        assertThat(KpiCalculator.value(KpiMetric.ACCEPTED_WITHOUT_EDIT, CASES)).isEqualTo(25.0);
        // edit ratio over the two AI drafts approved: (0 + 0.4) / 2 = 20 %
        assertThat(KpiCalculator.value(KpiMetric.EDIT_RATIO, CASES)).isCloseTo(20.0, within(1e-9));
        assertThat(KpiCalculator.value(KpiMetric.REJECTION_RATE, CASES)).isEqualTo(25.0);
        assertThat(KpiCalculator.value(KpiMetric.REGENERATION_RATE, CASES)).isEqualTo(50.0);
        assertThat(KpiCalculator.value(KpiMetric.HAND_DRAFTING_RATE, CASES)).isEqualTo(25.0);
        // per content, over all four: 0.012 € / 4, 3 Wh / 4, 0.0006 kg = 0.6 g / 4
        assertThat(KpiCalculator.value(KpiMetric.COST_PER_CONTENT, CASES)).isCloseTo(0.003, within(1e-12));
        assertThat(KpiCalculator.value(KpiMetric.ENERGY_PER_CONTENT, CASES)).isCloseTo(0.75, within(1e-12));
        assertThat(KpiCalculator.value(KpiMetric.CO2E_PER_CONTENT, CASES)).isCloseTo(0.15, within(1e-12));
        assertThat(KpiCalculator.value(KpiMetric.WORK_COMFORT, CASES)).isEqualTo(3.0);
        assertThat(KpiCalculator.value(KpiMetric.MEMBER_SATISFACTION, CASES)).isEqualTo(4.0);
        assertThat(KpiCalculator.value(KpiMetric.PERCEIVED_TIME_SAVED, CASES)).isEqualTo(15.0);
        assertThat(KpiCalculator.sampleSize(KpiMetric.WORK_COMFORT, CASES)).isEqualTo(2);
    }

    @Test
    void noCaseNoValueAndNoBreach() {
        assertThat(KpiCalculator.value(KpiMetric.REJECTION_RATE, List.of())).isNull();
        assertThat(KpiCalculator.value(KpiMetric.WORK_COMFORT, CASES.subList(2, 4)))
                .isNull();
        assertThat(KpiCalculator.crosses(KpiMetric.Direction.LOWER_IS_BETTER, null, 10))
                .isFalse();
    }

    @Test
    void guardrailsAndTargetsFollowTheDirection() {
        assertThat(KpiCalculator.crosses(KpiMetric.Direction.LOWER_IS_BETTER, 25.0, 20))
                .isTrue();
        assertThat(KpiCalculator.crosses(KpiMetric.Direction.LOWER_IS_BETTER, 20.0, 20))
                .isFalse();
        assertThat(KpiCalculator.crosses(KpiMetric.Direction.HIGHER_IS_BETTER, 15.0, 20))
                .isTrue();
        assertThat(KpiCalculator.meets(KpiMetric.Direction.HIGHER_IS_BETTER, 60.0, 60))
                .isTrue();
        assertThat(KpiCalculator.meets(KpiMetric.Direction.LOWER_IS_BETTER, 11.0, 10))
                .isFalse();
    }
}
