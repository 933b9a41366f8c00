package org.tandem.governance.lifecycle;

import java.time.OffsetDateTime;

/** A decision taken on a project: which step, what, why, by whom. */
public record ProjectDecision(
        long id,
        long projectId,
        String step,
        String decision,
        String rationale,
        String decidedBy,
        OffsetDateTime decidedAt) {}
