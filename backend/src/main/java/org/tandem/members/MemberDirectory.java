package org.tandem.members;

import java.util.List;
import java.util.Optional;

/**
 * Where Tandem finds the insurer's members: the port the request form's picker and the opening of a
 * case go through. Which adapter serves is configuration ({@code tandem.members.directory}): Tandem's
 * own member table ({@code database}, filled by the CSV import of a pilot or by the demo) or the
 * insurer's member system over HTTP ({@code http}, contract in docs/members.md). Both throw
 * {@link MemberDirectoryUnavailable} when they cannot answer; neither ever answers "not found" for
 * "could not ask".
 */
public interface MemberDirectory {

    /** The adapters Tandem ships. */
    enum Kind {
        /** Tandem's {@code member} table. */
        DATABASE,
        /** The insurer's member system, over HTTP. */
        HTTP
    }

    Kind kind();

    /**
     * Members whose name or member number contains {@code text} (already trimmed), at most {@code
     * limit}, ordered by name. The HTTP directory answers an empty list below two characters.
     */
    List<Member> search(String text, int limit);

    /** The member of this number, or empty when the directory knows none. */
    Optional<Member> find(String id);
}
