package org.tandem.governance.lifecycle;

/** Where a project stands; kept in step with its process by execution listeners. */
public enum ProjectStage {
    TRIAGE,
    NECESSITY,
    SCORING,
    ETHICS,
    REWORK,
    EXPERIMENT,
    ROLLOUT_PLANNING,
    ROLLOUT,
    PRODUCTION,
    MERGED,
    REJECTED,
    NOT_SELECTED,
    STOPPED,
    RETIRED;

    public boolean isClosed() {
        return this == MERGED || this == REJECTED || this == NOT_SELECTED || this == STOPPED || this == RETIRED;
    }
}
