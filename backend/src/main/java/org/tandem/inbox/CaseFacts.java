package org.tandem.inbox;

/** What the task list shows of the case behind a task; all null for tasks without a case. */
record CaseFacts(Long caseId, String useCaseKey, String memberId, String memberName, String subject,
                 String entityCode) {

    static final CaseFacts NONE = new CaseFacts(null, null, null, null, null, null);
}
