package org.tandem.content.casefile;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import org.tandem.content.CaseStatus;
import org.tandem.content.DisclosureDecision;
import org.tandem.content.DisclosureService;
import org.tandem.content.Draft;
import org.tandem.content.metrics.CaseMetrics;

/** A case as the API shows it: the request, the draft with who/what wrote it, the decision, the disclosure. */
public record CaseView(
        long id,
        String useCaseKey,
        String useCaseName,
        String memberId,
        String memberName,
        String subject,
        String message,
        CaseStatus status,
        String requestedBy,
        OffsetDateTime createdAt,
        DraftView draft,
        String finalText,
        String approvedBy,
        OffsetDateTime approvedAt,
        Double aiShare,
        String failureReason,
        DisclosureView disclosure,
        String disclosedText,
        String currentText,
        List<VersionView> versions,
        int regenerations,
        int maxRegenerations,
        boolean fourEyes,
        List<DecisionView> decisions,
        CaseMetrics metrics,
        DisclosureService.Preview disclosurePreview,
        // the disclosed content on its way out: « à envoyer », sent, to whom, the incident while the mail server is
        // down
        org.tandem.content.delivery.DeliveryView delivery,
        org.tandem.platform.footprint.FootprintTotals footprint,
        // drawn for the experiment's one-question comfort survey (server-side sampling): the screen asks only then
        boolean askComfortSurvey,
        // « sans IA »: the adviser chose to write it by hand, and why (optional)
        boolean withoutAi,
        String withoutAiReason,
        // when the case is due (its use case's answer time in business days from the request); null: no deadline
        OffsetDateTime dueAt,
        // the escalation of its overdue task to a manager, if one happened (once per case)
        EscalationView escalation) {

    /**
     * An overdue task escalated (issue 19).
     *
     * @param mode        REASSIGN: the task was assigned to {@code to}; TASK: {@code to} received « Tâche en retard »
     * @param to          the manager; null when none was found and {@code group} (the approver group) received it
     * @param fallback    why the approver group was chosen, in French
     */
    public record EscalationView(
            OffsetDateTime at,
            String task,

            @Schema(allowableValues = {"REASSIGN", "TASK"}) String mode,

            String to,
            String group,
            String from,
            String fallback,
            String handledBy,
            OffsetDateTime handledAt,
            String handledNote) {}

    public record VersionView(int version, String kind, String author, OffsetDateTime createdAt, double aiShare) {}

    public record DecisionView(
            String taskKey, String decision, String by, OffsetDateTime at, String instruction, String reason) {}

    /**
     * @param sources the knowledge passages the AI step was given, as the draft cites them ([S1]…)
     * @param flags   what the guardrails found: injection attempts in the request (info), rules the draft
     *                breaks (warning), and what must be fixed before approval (blocking)
     */
    // the enums' names, declared so the description (and the frontend's types) list the values
    public record DraftView(
            String text,
            @Schema(implementation = Draft.Producer.class) String producer,
            String model,
            String producerLabel,
            String promptVersion,
            OffsetDateTime createdAt,
            java.util.List<SourceView> sources,
            java.util.List<FlagView> flags) {}

    /** A cited passage; {@code stale}: its document is past its review date now or was when drafted. */
    public record SourceView(
            String id,
            String reference,
            String title,
            String heading,
            String citation,
            String excerpt,
            boolean stale,
            java.time.LocalDate lastReviewed) {}

    /** @param severity blocking | warning | info */
    public record FlagView(
            String code,

            @Schema(allowableValues = {"blocking", "warning", "info"})
            String severity,

            String message) {}

    /**
     * @param digitalSourceType the IPTC digital source type URI of the disclosed text
     * @param provenance        the signed provenance record (JWS compact serialisation), as the member received it
     */
    public record DisclosureView(
            @Schema(implementation = DisclosureDecision.Category.class)
            String category,

            String label,
            boolean citeSources,
            String marker,
            OffsetDateTime disclosedAt,
            String channel,
            String digitalSourceType,
            String contentSha256,
            String provenance) {}

    /** One line of a case list. Named apart from the other API types called Summary. */
    @Schema(name = "CaseSummary")
    public record Summary(
            long id,
            String useCaseKey,
            String useCaseName,
            String memberId,
            String memberName,
            String subject,
            CaseStatus status,
            OffsetDateTime createdAt) {}
}
