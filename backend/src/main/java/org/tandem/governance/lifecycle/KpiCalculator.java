package org.tandem.governance.lifecycle;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/** KPI values from case samples: pure arithmetic, null when no case says anything about it. */
public final class KpiCalculator {

    private KpiCalculator() {}

    public static Double value(KpiMetric metric, List<CaseSample> cases) {
        if (cases.isEmpty()) {
            return null;
        }
        return switch (metric) {
            case TIME_TO_APPROVAL ->
                mean(cases.stream()
                        .map(CaseSample::timeToApprovalMs)
                        .filter(Objects::nonNull)
                        .mapToDouble(ms -> ms / 60_000.0)
                        .boxed()
                        .toList());
            case ACCEPTED_WITHOUT_EDIT -> share(cases, CaseSample::acceptedWithoutEdit);
            case EDIT_RATIO ->
                percent(mean(cases.stream()
                        .map(CaseSample::editRatioChars)
                        .filter(Objects::nonNull)
                        .toList()));
            case REJECTION_RATE -> share(cases, CaseSample::rejected);
            case REGENERATION_RATE -> share(cases, c -> c.regenerations() > 0);
            case HAND_DRAFTING_RATE -> share(cases, CaseSample::handDrafted);
            case COST_PER_CONTENT -> perCase(cases, CaseSample::costEur);
            case ENERGY_PER_CONTENT -> perCase(cases, CaseSample::energyWh);
            case CO2E_PER_CONTENT -> perCase(cases, c -> c.kgCo2e() * 1000);
            case WORK_COMFORT ->
                mean(cases.stream()
                        .map(CaseSample::comfort)
                        .filter(Objects::nonNull)
                        .toList());
            case MEMBER_SATISFACTION ->
                mean(cases.stream()
                        .map(CaseSample::satisfaction)
                        .filter(Objects::nonNull)
                        .map(Integer::doubleValue)
                        .toList());
            case PERCEIVED_TIME_SAVED ->
                mean(cases.stream()
                        .map(CaseSample::minutesSaved)
                        .filter(Objects::nonNull)
                        .toList());
        };
    }

    /** How many cases the value rests on. */
    public static int sampleSize(KpiMetric metric, List<CaseSample> cases) {
        return (int)
                switch (metric) {
                    case TIME_TO_APPROVAL ->
                        cases.stream().filter(c -> c.timeToApprovalMs() != null).count();
                    case EDIT_RATIO ->
                        cases.stream().filter(c -> c.editRatioChars() != null).count();
                    case WORK_COMFORT ->
                        cases.stream().filter(c -> c.comfort() != null).count();
                    case MEMBER_SATISFACTION ->
                        cases.stream().filter(c -> c.satisfaction() != null).count();
                    case PERCEIVED_TIME_SAVED ->
                        cases.stream().filter(c -> c.minutesSaved() != null).count();
                    default -> cases.size();
                };
    }

    /** A guardrail is crossed when the value is worse than it, in the KPI's direction. */
    public static boolean crosses(KpiMetric.Direction direction, Double value, double guardrail) {
        if (value == null) {
            return false;
        }
        return direction == KpiMetric.Direction.LOWER_IS_BETTER ? value > guardrail : value < guardrail;
    }

    public static boolean meets(KpiMetric.Direction direction, Double value, double target) {
        if (value == null) {
            return false;
        }
        return direction == KpiMetric.Direction.LOWER_IS_BETTER ? value <= target : value >= target;
    }

    private static Double share(List<CaseSample> cases, Predicate<CaseSample> which) {
        return 100.0 * cases.stream().filter(which).count() / cases.size();
    }

    private static Double perCase(List<CaseSample> cases, ToDoubleFunction<CaseSample> amount) {
        return cases.stream().mapToDouble(amount).sum() / cases.size();
    }

    private static Double mean(List<Double> values) {
        return values.isEmpty()
                ? null
                : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static Double percent(Double ratio) {
        return ratio == null ? null : ratio * 100;
    }
}
