package org.tandem.content.deadline;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.content.CaseVariables;

/** The thin engine adapters of deadlines: the timers' date and the escalation step (they call OverdueEscalation). */
@Configuration(proxyBeanMethods = false)
class DeadlineDelegates {

    /** A timer of a case without an answer time never fires (a timer needs a date). */
    static final Date NEVER = Date.from(java.time.Instant.parse("9999-12-31T00:00:00Z"));

    /** {@code ${caseDeadlines.escalateAt(execution)}}: when the escalation timers of the case fire. */
    @Bean("caseDeadlines")
    CaseDeadlines caseDeadlines() {
        return new CaseDeadlines();
    }

    /** Reads the case's due date for the BPMN's timers. */
    static class CaseDeadlines {
        public Date escalateAt(DelegateExecution execution) {
            return execution.getVariable(CaseVariables.DUE_DATE) instanceof Date due ? due : NEVER;
        }
    }

    @Bean("escalateOverdueTask")
    JavaDelegate escalateOverdueTask(OverdueEscalation escalation) {
        return execution -> {
            var outcome = escalation.escalate(
                    ((Number) execution.getVariable(CaseVariables.CASE_ID)).longValue(),
                    execution.getProcessInstanceId());
            // local to the escalation's path: the rest of the case never sees them
            execution.setVariableLocal("escalatedAs", outcome.escalatedAs());
            execution.setVariableLocal("escalationAssignee", outcome.assignee());
            execution.setVariableLocal("escalationGroup", outcome.group());
        };
    }
}
