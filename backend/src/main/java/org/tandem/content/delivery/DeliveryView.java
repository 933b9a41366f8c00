package org.tandem.content.delivery;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/**
 * Where a disclosed content stands on its way out, as the case page shows it.
 *
 * @param status       TO_SEND (« à envoyer ») or SENT
 * @param recipient    MEMBER (the member's e-mail), MAIL_ROOM (printed and posted), PORTAL, CASE_FILE
 * @param incident     the engine's retries are spent: an incident is open in Cockpit, and the message goes
 *                     out as soon as the mail server answers again
 * @param document     a document (the letter's PDF) can be downloaded at /api/cases/{id}/document
 */
@Schema(name = "DeliveryView")
public record DeliveryView(
        String channel,
        @Schema(implementation = Delivery.Status.class) String status,

        @Schema(implementation = Delivery.RecipientKind.class)
        String recipient,

        int attempts,
        String lastError,
        OffsetDateTime lastAttemptAt,
        OffsetDateTime sentAt,
        String messageId,
        boolean document,
        boolean incident) {}
