package org.tandem.platform.audit;

/** What can happen to a case, as the audit trail records it. */
public enum AuditType {
    REQUESTED,
    /** The adviser chose to write the content without AI (« sans IA »), with an optional reason. */
    WITHOUT_AI,
    MODEL_CALL,
    AI_FAILED,
    DRAFTED,
    HAND_DRAFTED,
    REVIEW_DECISION,
    EDIT_SAVED,
    /** A reviewer displayed the whole text and its sources (time spent in the details). */
    DRAFT_DISPLAYED,
    APPROVED,
    APPROVAL_REFUSED,
    DISCLOSED,
    /** The disclosed content left through its channel (a letter or an e-mail accepted by the mail server). */
    DELIVERED,
    EXTRACTED,
    FIELD_VERIFIED,
    FIELDS_RECORDED,
    /** Task list actions on a task of the case: who took it, gave it back, handed it over, dated it. */
    TASK_CLAIMED,
    TASK_UNCLAIMED,
    TASK_HANDED_OVER,
    TASK_DATES_CHANGED,
    /** An overdue task of the case was escalated to a manager of the team (or the approver group): once per case. */
    TASK_ESCALATED,
    /** The case's personal data were erased: at the end of its retention period or on the member's request. */
    ERASED
}
