package org.tandem.quality.evaluation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An evaluation run as the AI referent reads it: the candidate version beside the version in service, per
 * reference case and in total. Texts are pseudonymised (the member's data are tokens).
 *
 * @param baseline     null when nothing else is in service (a use case's first person authorisation)
 * @param decision     AUTHORISED or REFUSED once the referent decided, else null
 * @param unattended   the use case's answers reach members unread (chatbot): authorising also allows that
 * @param decisionTaskId the AI referent's open task deciding on the version, once the run is drafted
 */
@io.swagger.v3.oas.annotations.media.Schema(name = "Comparison")
public record Comparison(
        long id,
        String useCaseKey,
        String useCaseName,
        String useCaseNameEn,
        Version candidate,
        Version baseline,
        String status,
        int totalCases,
        int doneCases,
        int referenceSize,
        String provider,
        OffsetDateTime createdAt,
        OffsetDateTime finishedAt,
        Totals candidateTotals,
        Totals baselineTotals,
        List<CaseComparison> cases,
        String decision,
        String decidedBy,
        String decisionReason,
        boolean unattended,
        String decisionTaskId) {

    /** A pre-prompt version: its label, text, model (null: the provider's) and where it stands. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ComparisonVersion")
    public record Version(String label, int version, String prePrompt, String model, String status) {}

    /**
     * One side's figures over the reference set: means over the drafts made, sums of findings, cost and energy.
     *
     * @param meanEditDistance mean character edit ratio of the new draft to the approved text (0 = identical)
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ComparisonTotals")
    public record Totals(
            int drafted,
            int failed,
            Double meanEditDistance,
            int guardrailFindings,
            int blockingFindings,
            Double meanLength,
            Double meanSourcesCited,
            BigDecimal costEur,
            Double energyWh,
            Double meanLatencyMs) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "ComparisonCase")
    public record CaseComparison(
            long caseId, int position, int approvedLength, String approvedText, Side candidate, Side baseline) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "ComparisonSide")
    public record Side(
            String status,
            String text,
            String model,
            Double editDistance,
            Integer length,
            Integer guardrailFindings,
            Integer blockingFindings,
            Integer sourcesCited,
            BigDecimal costEur,
            Double energyWh,
            Long latencyMs,
            String failure) {}
}
