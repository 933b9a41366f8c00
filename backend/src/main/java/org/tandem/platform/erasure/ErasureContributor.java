package org.tandem.platform.erasure;

import java.util.Set;

/**
 * A module that keeps personal data about cases or members: it erases its own rows when a case's
 * retention period has passed or a member asks for erasure. One bean per module; the erasure calls
 * them in {@link #order()} (lower first: rows that others reference go last), in one transaction.
 */
public interface ErasureContributor {

    /** Short English name shown in the erasure's record ("content", "task list", "audit trail"…). */
    String name();

    /** Lower first. */
    default int order() {
        return 100;
    }

    /** Erases the personal data this module keeps about these cases; returns how many rows it changed. */
    int eraseCases(Set<Long> caseIds);

    /** Whether this module keeps anything about the member (a case, the member's record). */
    default boolean knowsMember(String memberId) {
        return false;
    }

    /** Erases what this module keeps about the member outside cases (e.g. the member's record). */
    default int eraseMember(String memberId) {
        return 0;
    }
}
