package org.tandem.work.inbox;

import java.time.OffsetDateTime;
import java.util.List;

/** What the engine knows of a user task, as the read model keeps it. */
record InboxRow(
        String taskId,
        String processInstanceId,
        String processKey,
        String taskKey,
        String name,
        List<String> candidateGroups,
        List<String> candidateUsers,
        String assignee,
        OffsetDateTime createdAt,
        OffsetDateTime dueAt,
        OffsetDateTime followUpAt,
        int priority,
        boolean suspended) {}
