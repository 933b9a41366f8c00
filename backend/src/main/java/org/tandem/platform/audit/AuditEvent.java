package org.tandem.platform.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;

/**
 * One entry of a case's audit chain. {@code details} is the JSON text exactly as it was hashed;
 * {@code personal} the JSON text of its personal content (with a nonce), hashed through
 * {@code personalSha256}, null once erased ({@code erasedAt}).
 */
public record AuditEvent(
        long id,
        long caseId,
        int seq,
        OffsetDateTime occurredAt,
        String actor,
        String type,
        String details,
        String prevHash,
        String hash,
        @JsonIgnore int hashVersion,
        String personal,
        @JsonIgnore String personalSha256,
        OffsetDateTime erasedAt) {}
