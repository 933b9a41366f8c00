package org.tandem.work;

import java.util.Optional;

/**
 * The cases tasks work on, as the task list and the task page show them. The module that keeps the
 * cases (content) contributes it, so that work lists and opens tasks without knowing what a case is
 * made of. A task works on a case when its process instance has the case id as business key and in
 * the variable {@value #CASE_ID}.
 */
public interface TaskCases {

    /** The process variable that holds the case id of a task's process instance. */
    String CASE_ID = "caseId";

    /** What the task list shows of the case; empty when there is no such case. */
    Optional<CaseFacts> facts(long caseId);

    /**
     * The case as its task page shows it (the case page's view). No access check here: the caller
     * checked the person's access to the task, which gives access to its case.
     */
    Object view(long caseId);
}
