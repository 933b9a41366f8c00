package org.tandem.work;

/** What the task list shows of the case behind a task; all null for tasks without a case. */
public record CaseFacts(
        Long caseId, String useCaseKey, String memberId, String memberName, String subject, String entityCode) {

    public static final CaseFacts NONE = new CaseFacts(null, null, null, null, null, null);
}
