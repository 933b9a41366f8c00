package org.tandem.content.delivery;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/**
 * The answer of the public verification: whether a content (a text, a PDF) or a provenance record is one
 * we issued, unchanged, and what its signed record says. Nothing personal: no name, no member, no case.
 *
 * @param signatureValid whether the record's signature holds with one of our keys; null: no record found
 * @param contentMatches whether the text or the PDF given is exactly the one the record binds; null: none given
 */
@Schema(name = "ProvenanceCheck")
public record ProvenanceCheck(
        Outcome outcome, String message, Boolean signatureValid, Boolean contentMatches, PublicRecord record) {

    public enum Outcome {
        /** The content given is one we sent, unchanged, and its record's signature holds. */
        AUTHENTIC,
        /** The record is ours and intact; no content was given to compare with it. */
        RECORD_ONLY,
        /** The record is ours and intact, but the content given is not the one it binds (changed since). */
        MODIFIED,
        /** The record's signature does not hold with any of our keys: not ours, or altered. */
        INVALID_SIGNATURE,
        /** Neither a record nor a content we sent. */
        UNKNOWN
    }

    /** What a signed record states, as the public page shows it. */
    @Schema(name = "PublicProvenanceRecord")
    public record PublicRecord(
            String recordId,
            String issuer,
            OffsetDateTime issuedAt,
            String category,
            String label,
            String digitalSourceType,
            Double aiShare,
            Boolean validatedByEmployee,
            OffsetDateTime validatedAt,
            String model,
            String useCase,
            String useCaseName,
            String channel,
            String keyId) {}
}
