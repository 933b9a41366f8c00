package org.tandem.content.deadline;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.tandem.content.CaseVariables;

/**
 * {@code ${caseDeadlines.escalateAt(execution)}}: when the escalation timers of a case's tasks fire, read
 * from its due date. A timer needs a date, so a case without an answer time gets one that never comes.
 */
@Component("caseDeadlines")
public class CaseDeadlines {

    static final Date NEVER = Date.from(java.time.Instant.parse("9999-12-31T00:00:00Z"));

    public Date escalateAt(DelegateExecution execution) {
        return execution.getVariable(CaseVariables.DUE_DATE) instanceof Date due ? due : NEVER;
    }
}
