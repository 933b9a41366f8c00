package org.tandem.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps the case's status in step with the process, from execution listeners in the BPMN:
 * {@code ${caseStatus.mark(execution, 'IN_REVIEW')}}.
 */
@Component("caseStatus")
public class CaseStatusListener {

    private final CaseRepository cases;

    CaseStatusListener(CaseRepository cases) {
        this.cases = cases;
    }

    public void mark(DelegateExecution execution, String status) {
        long caseId = ((Number) execution.getVariable(CaseVariables.CASE_ID)).longValue();
        CaseStatus next = CaseStatus.valueOf(status);
        Object reason = execution.getVariable(CaseVariables.AI_FAILURE_REASON);
        if (next == CaseStatus.HAND_DRAFTING && reason != null) {
            cases.recordFailure(caseId, next, reason.toString());
        } else {
            cases.updateStatus(caseId, next);
        }
    }
}
