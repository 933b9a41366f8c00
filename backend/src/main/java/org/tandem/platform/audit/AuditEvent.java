package org.tandem.platform.audit;

import java.time.OffsetDateTime;

/** One entry of a case's audit chain. {@code details} is the JSON text exactly as it was hashed. */
public record AuditEvent(
        long id,
        long caseId,
        int seq,
        OffsetDateTime occurredAt,
        String actor,
        String type,
        String details,
        String prevHash,
        String hash) {}
