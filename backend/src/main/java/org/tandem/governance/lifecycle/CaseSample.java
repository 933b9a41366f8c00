package org.tandem.governance.lifecycle;

import java.time.OffsetDateTime;

/**
 * One closed content case as an experiment sees it: its measures (case_metrics), the AI's cost and
 * footprint summed over its model calls (midpoints of the estimated ranges), and people's answers.
 */
public record CaseSample(
        long caseId,
        String entityCode,
        OffsetDateTime createdAt,
        Long timeToApprovalMs,
        boolean acceptedWithoutEdit,
        Double editRatioChars,
        boolean rejected,
        int regenerations,
        boolean handDrafted,
        double costEur,
        double energyWh,
        double kgCo2e,
        Double comfort,
        Double minutesSaved,
        Integer satisfaction) {}
