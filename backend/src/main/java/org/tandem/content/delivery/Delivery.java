package org.tandem.content.delivery;

import java.time.OffsetDateTime;

/** One disclosure on its way to the member (the row of {@code delivery}). */
public record Delivery(
        long id,
        long caseId,
        String kind,
        String channel,
        Status status,
        RecipientKind recipientKind,
        String messageId,
        byte[] document,
        String documentSha256,
        int attempts,
        String lastError,
        OffsetDateTime lastAttemptAt,
        OffsetDateTime sentAt,
        OffsetDateTime createdAt) {

    public enum Status {
        /** « À envoyer »: not yet accepted by its channel. */
        TO_SEND,
        SENT
    }

    public enum RecipientKind {
        /** The member's own e-mail address. */
        MEMBER,
        /** The insurer's mail room, which prints and posts it (a member without an e-mail address). */
        MAIL_ROOM,
        /** The member portal, which reads it from the API. */
        PORTAL,
        /** The case file, for the insurer's staff. */
        CASE_FILE
    }

    public Channel channelValue() {
        return Channel.of(channel);
    }
}
