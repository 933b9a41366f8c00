package org.tandem.extraction;

import java.time.OffsetDateTime;

/** One field of a case's extraction: the AI's value, where it was found, and the person's decision. */
public record ExtractionField(
        long caseId,
        String name,
        String label,
        String fieldType,
        String aiValue,
        Integer sourceStart,
        Integer sourceEnd,
        String value,
        Status status,
        String verifiedBy,
        OffsetDateTime verifiedAt,
        int position) {

    public enum Status {
        PENDING,
        VERIFIED,
        CORRECTED,
        ABSENT
    }
}
