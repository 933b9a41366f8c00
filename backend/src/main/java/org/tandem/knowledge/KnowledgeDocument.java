package org.tandem.knowledge;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A document of the knowledge base, as stored. Its passages are in {@link KnowledgePassage}. */
public record KnowledgeDocument(
        long id,
        String collection,
        String reference,
        String title,
        String body,
        String owner,
        String ownerGroup,
        LocalDate lastReviewed,
        int reviewIntervalDays,
        String lastReviewedBy,
        int version,
        OffsetDateTime updatedAt,
        String updatedBy) {

    /** The day after which the document is stale. */
    public LocalDate reviewDue() {
        return lastReviewed.plusDays(reviewIntervalDays);
    }

    /** Stale (proposal 37): its last review is older than its review interval. */
    public boolean staleOn(LocalDate today) {
        return reviewDue().isBefore(today);
    }
}
