package org.tandem.cases;

import java.time.OffsetDateTime;

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
        String disclosedText) {

    public record DraftView(String text, String producer, String model, String producerLabel, String promptVersion,
                            OffsetDateTime createdAt) {
    }

    public record DisclosureView(String category, String label, boolean citeSources, String marker,
                                 OffsetDateTime disclosedAt) {
    }

    /** One line of a case list. */
    public record Summary(long id, String useCaseKey, String useCaseName, String memberId, String memberName,
                          String subject, CaseStatus status, OffsetDateTime createdAt) {
    }
}
