package org.tandem.content;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin engine adapters of the disclosure steps: read variables, call a service, write variables. */
@Configuration(proxyBeanMethods = false)
class DisclosureDelegates {

    @Bean("applyDisclosurePolicy")
    JavaDelegate applyDisclosurePolicy(DisclosurePolicy policy) {
        return execution -> {
            DisclosureDecision decision = policy.decide(
                    Boolean.TRUE.equals(execution.getVariable(CaseVariables.CHECKED_BY_HUMAN)),
                    ((Number) execution.getVariable(CaseVariables.AI_SHARE)).doubleValue());
            execution.setVariable("disclosureCategory", decision.category().name());
            execution.setVariable("disclosureLabel", decision.label());
            execution.setVariable("citeSources", decision.citeSources());
        };
    }

    @Bean("disclose")
    JavaDelegate disclose(DisclosureService disclosures) {
        return execution -> disclosures.disclose(
                caseId(execution),
                new DisclosureDecision(
                        DisclosureDecision.Category.valueOf((String) execution.getVariable("disclosureCategory")),
                        (String) execution.getVariable("disclosureLabel"),
                        Boolean.TRUE.equals(execution.getVariable("citeSources"))));
    }

    private static long caseId(DelegateExecution execution) {
        return ((Number) execution.getVariable(CaseVariables.CASE_ID)).longValue();
    }
}
