package org.tandem.content.deadline;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.content.CaseVariables;

/** The thin engine adapter of the escalation step: reads the case, calls OverdueEscalation, sets the path's variables. */
@Configuration(proxyBeanMethods = false)
class DeadlineDelegates {

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
