package org.tandem.governance;

/** How a use case runs for a request from a given entity. */
public enum EntityMode {
    /** The AI drafts, people review. */
    AI,
    /** Control group of an experiment: same requests, the AI step skipped (hand-drafting). */
    CONTROL,
    /** The wave was paused (a guardrail was crossed): hand-drafting until a manager resumes it. */
    PAUSED,
    /** Kill switch pulled for the use case or the entity: hand-drafting, at once. */
    KILLED,
    /** The rollout has not reached the entity (or the project was stopped): the request is refused. */
    NOT_ENABLED;

    public boolean skipsAi() {
        return this == CONTROL || this == PAUSED || this == KILLED;
    }
}
