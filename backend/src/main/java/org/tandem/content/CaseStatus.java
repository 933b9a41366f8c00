package org.tandem.content;

/** Where a content case stands, as advisers read it. The engine stays the truth of the flow. */
public enum CaseStatus {
    DRAFTING,
    HAND_DRAFTING,
    IN_REVIEW,
    EDITING,
    AWAITING_APPROVAL,
    APPROVED,
    /**
     * « À envoyer »: disclosed (text, label and signed record fixed) but its channel has not accepted it
     * yet, e.g. the mail server is down; the engine retries, then shows an incident in Cockpit.
     */
    TO_SEND,
    /** The member has it: delivered through the use case's channel. */
    DISCLOSED,
    POST_REVIEW,
    REJECTED,
    VERIFYING,
    RECORDED,
    /** An AMI answer was read by the adviser who asked, or given by an expert: it stays internal. */
    ANSWERED,
    /** Withdrawn while still open: the member asked for their data to be erased (issue 16). */
    WITHDRAWN
}
