package org.tandem.work.inbox;

import java.time.OffsetDateTime;
import java.util.List;

/** One line of the task list, read from the read model. */
public record InboxTask(
        String id,
        String name,
        String taskKey,
        String processKey,
        Long caseId,
        String useCaseKey,
        String memberId,
        String memberName,
        String subject,
        String entityCode,
        List<String> candidateGroups,
        List<String> candidateUsers,
        String assignee,
        OffsetDateTime createdAt,
        OffsetDateTime dueAt,
        OffsetDateTime followUpAt,
        int priority,
        String status,
        OffsetDateTime endedAt,
        boolean suspended) {}
