package org.tandem.content.review;

import java.time.OffsetDateTime;

/** A saved state of the text a person is editing, tied to the draft it edits. */
public record ContentVersion(
        long id,
        long caseId,
        int versionNo,
        long draftId,
        String text,
        String author,
        String taskId,
        double aiShare,
        OffsetDateTime createdAt) {}
