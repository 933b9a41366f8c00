package org.tandem.platform.guardrails;

/** Something about the request or the dossier that changes what a good draft is. */
public enum ContextFlag {
    /** A death: no pleased opening, condolences first (seed, « L'humain avant tout »). */
    DEATH
}
