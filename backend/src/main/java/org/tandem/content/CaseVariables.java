package org.tandem.content;

/** Names of the (small) process variables of a content case. Texts never go in here. */
public final class CaseVariables {
    public static final String CASE_ID = "caseId";
    public static final String USE_CASE = "useCaseKey";
    public static final String EXPERT_GROUP = "expertGroup";
    public static final String APPROVER_GROUP = "approverGroup";
    public static final String REQUESTED_BY = "requestedBy";
    // the approval's facts for the disclosure policy's table, three transient values: read in the approval's own
    // transaction by the business rule task right after it; the case's row, the audit chain and the decision's
    // history keep them (issue 18: four statements per variable and case)
    public static final String CHECKED_BY_HUMAN = "checkedByHuman";
    public static final String AI_SHARE = "aiShare";
    public static final String APPROVED_BY = "approvedBy";
    /** The disclosure policy's category for the case (a name of {@code DisclosureDecision.Category}). */
    public static final String DISCLOSURE_CATEGORY = "disclosureCategory";

    public static final String AI_FAILURE_REASON = "aiFailureReason";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String APPROVAL_DECISION = "approvalDecision";
    public static final String REGENERATIONS = "regenerations";
    public static final String MAX_REGENERATIONS = "maxRegenerations";
    public static final String ON_REJECT = "onReject";
    /** When the case is due (a date, set once when it opens): each user task's due date and escalation timer. */
    public static final String DUE_DATE = "dueDate";

    private CaseVariables() {}
}
