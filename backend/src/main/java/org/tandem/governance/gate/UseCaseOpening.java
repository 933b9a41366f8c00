package org.tandem.governance.gate;

import java.time.OffsetDateTime;

/** An administrator's opening of a use case without a project: who, when, why; and its closing, if closed. */
public record UseCaseOpening(
        long id,
        String useCaseKey,
        String reason,
        String openedBy,
        OffsetDateTime openedAt,
        String closedBy,
        OffsetDateTime closedAt,
        String closeReason) {}
