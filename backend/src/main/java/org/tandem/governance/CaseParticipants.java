package org.tandem.governance;

import java.util.Optional;

/**
 * Who worked on a content case, as an experiment's surveys need it (only those people answer the
 * comfort survey; only the requester records the member's satisfaction). The module that keeps the
 * cases contributes it, so the governance measures cases without depending on them.
 */
public interface CaseParticipants {

    /** The adviser who filed the case; empty when there is no such case. */
    Optional<String> requester(long caseId);

    /** Whether the person filed the case, decided on one of its tasks or approved it. */
    boolean workedOn(long caseId, String username);
}
