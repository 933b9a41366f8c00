package org.tandem.content;

import java.time.OffsetDateTime;

/** A request for a content and everything decided about it (the row of content_case). */
public record ContentCase(
        long id,
        String useCaseKey,
        String promptVersion,
        String memberId,
        String subject,
        String message,
        CaseStatus status,
        String requestedBy,
        String processInstanceId,
        String finalText,
        String approvedBy,
        OffsetDateTime approvedAt,
        Double aiShare,
        String failureReason,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        /* the requester's entity when the case opened (rollout, KPIs, footprint per entity); null before entities */
        String entityCode,
        /* « sans IA »: the adviser chose to write it by hand (counted apart in the experiment's figures) */
        boolean withoutAi,
        String withoutAiReason,
        /* when the case is due: the request time plus its use case's answer time in business days; null: none */
        OffsetDateTime dueAt) {}
