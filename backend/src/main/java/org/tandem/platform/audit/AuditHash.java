package org.tandem.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of an audit entry: SHA-256 over its fields and the previous entry's hash. Version 1
 * (entries written before issue 16) covers the details in clear; version 2 covers the details and
 * the digest of the personal content, so that the personal content can be erased.
 */
final class AuditHash {

    static final String GENESIS = "0".repeat(64);

    private AuditHash() {}

    static String of(
            long caseId, int seq, Instant occurredAt, String actor, String type, String details, String prevHash) {
        // fields are length-prefixed so that no two different entries share a canonical form
        return sha256(field(Long.toString(caseId))
                + field(Integer.toString(seq))
                + field(occurredAt.toString())
                + field(actor)
                + field(type)
                + field(details)
                + field(prevHash));
    }

    static String of(
            long caseId,
            int seq,
            Instant occurredAt,
            String actor,
            String type,
            String details,
            String personalSha256,
            String prevHash) {
        return sha256(field("v2")
                + field(Long.toString(caseId))
                + field(Integer.toString(seq))
                + field(occurredAt.toString())
                + field(actor)
                + field(type)
                + field(details)
                + field(personalSha256 == null ? "" : personalSha256)
                + field(prevHash));
    }

    static String sha256(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(String value) {
        return value.length() + ":" + value + ";";
    }
}
