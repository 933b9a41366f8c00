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
            // the category only, a flag Cockpit shows: the label is a text, decided again from the policy when
            // the text leaves (issue 18: two variables fewer, eight statements fewer per case)
            execution.setVariable(
                    CaseVariables.DISCLOSURE_CATEGORY, decision.category().name());
        };
    }

    @Bean("disclose")
    JavaDelegate disclose(DisclosureService disclosures) {
        return execution -> {
            Object requested = execution.getVariable(CaseVariables.DISCLOSURE_CATEGORY);
            disclosures.disclose(
                    caseId(execution),
                    requested == null ? null : DisclosureDecision.Category.valueOf((String) requested));
        };
    }

    private static long caseId(DelegateExecution execution) {
        return ((Number) execution.getVariable(CaseVariables.CASE_ID)).longValue();
    }
}
