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
        String updatedBy,
        OffsetDateTime retiredAt,
        String retiredBy) {

    /** The day after which the document is stale. */
    public LocalDate reviewDue() {
        return lastReviewed.plusDays(reviewIntervalDays);
    }

    /** Stale (proposal 37): its last review is older than its review interval. A retired document never is. */
    public boolean staleOn(LocalDate today) {
        return !retired() && reviewDue().isBefore(today);
    }

    /** Retired by its owner: kept for the drafts that cite it, no longer retrieved nor reviewed. */
    public boolean retired() {
        return retiredAt != null;
    }
}
