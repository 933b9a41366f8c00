package org.tandem.content;

import java.time.OffsetDateTime;

/** What the member received: the final text, the label the policy gave, and a machine-readable marker. */
public record Disclosure(
        long caseId,
        String category,
        String label,
        boolean citeSources,
        String marker,
        String disclosedText,
        OffsetDateTime disclosedAt) {}
