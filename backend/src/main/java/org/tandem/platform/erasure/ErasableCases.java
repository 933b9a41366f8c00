package org.tandem.platform.erasure;

import java.time.OffsetDateTime;
import java.util.Set;

/** Which cases hold a member's personal data, and which are past their retention period (content answers). */
public interface ErasableCases {

    /** Every case of the member that was not erased yet, open or closed. */
    Set<Long> casesOf(String memberId);

    /** Open cases of the member (still running): an erasure withdraws them. */
    Set<Long> openCasesOf(String memberId);

    /**
     * Closed cases whose use case's retention period after closure has passed at {@code now} and
     * which were not erased yet, at most {@code limit} of them (the oldest closures first).
     */
    Set<Long> dueForErasure(OffsetDateTime now, int limit);
}
