package org.tandem.content.deadline;

import java.time.OffsetDateTime;

/** One escalation of an overdue task, as recorded (a row of task_escalation): at most one per case. */
public record TaskEscalation(
        long id,
        long caseId,
        String taskId,
        String taskKey,
        String taskName,
        OffsetDateTime dueAt,
        OffsetDateTime escalatedAt,
        String mode,
        String escalatedTo,
        String toGroup,
        String previousAssignee,
        String entityCode,
        String fallbackReason,
        String handledBy,
        OffsetDateTime handledAt,
        String handledNote) {}
