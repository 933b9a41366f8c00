package org.tandem.platform.erasure;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One erasure as recorded: on a member's request or by the retention job, who asked and why, the
 * cases erased and how many rows each module changed.
 */
public record Erasure(
        long id,
        Kind kind,
        String memberId,
        String reason,
        String requestedBy,
        OffsetDateTime erasedAt,
        List<Long> caseIds,
        Map<String, Integer> counts) {

    public enum Kind {
        /** on the member's request, by the data protection officer */
        REQUEST,
        /** by the daily retention job, the use case's period after closure having passed */
        RETENTION
    }
}
