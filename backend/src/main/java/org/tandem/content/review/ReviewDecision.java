package org.tandem.content.review;

import java.time.OffsetDateTime;

/** A decision a person took on one of the case's tasks. */
public record ReviewDecision(
        long id,
        long caseId,
        String taskId,
        String taskKey,
        String decision,
        String instruction,
        String reason,
        String decidedBy,
        OffsetDateTime decidedAt) {}
