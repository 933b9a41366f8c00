package org.tandem.content.metrics;

/**
 * What a case tells an experiment (DESIGN.md KPIs): measured from its records, never declared.
 * Edit ratios compare the last AI draft with the approved text (0 = unchanged, 1 = rewritten).
 */
public record CaseMetrics(
        long caseId,
        Long timeToFirstDraftMs,
        Long timeToApprovalMs,
        int regenerations,
        Double editRatioChars,
        Double editRatioWords,
        Double aiShare,
        boolean acceptedWithoutEdit,
        boolean rejected,
        boolean handDrafted) {}
