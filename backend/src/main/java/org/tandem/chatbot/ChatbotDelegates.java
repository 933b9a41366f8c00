package org.tandem.chatbot;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.cases.CaseRepository;
import org.tandem.cases.CaseVariables;
import org.tandem.disclosure.DisclosurePolicy;
import org.tandem.disclosure.DisclosureService;
import org.tandem.drafting.DraftRepository;

/** The thin engine adapters of the chatbot variant. */
@Configuration(proxyBeanMethods = false)
class ChatbotDelegates {

    @Bean("checkUnattendedAuthorization")
    JavaDelegate checkUnattendedAuthorization(UnattendedAuthorizations authorizations, CaseRepository cases) {
        return execution -> {
            String version = cases.findById(caseId(execution)).orElseThrow().promptVersion();
            execution.setVariable("unattendedAuthorized", authorizations.authorizer(version).isPresent());
        };
    }

    @Bean("discloseUnattended")
    JavaDelegate discloseUnattended(UnattendedAuthorizations authorizations, CaseRepository cases,
                                    DraftRepository drafts, DisclosurePolicy policy, DisclosureService disclosures) {
        return execution -> {
            long caseId = caseId(execution);
            String version = cases.findById(caseId).orElseThrow().promptVersion();
            String answer = drafts.latestByAi(caseId).orElseThrow().text();
            disclosures.discloseUnattended(caseId, answer, authorizations.authorizer(version).orElse(null),
                    policy.decide(false, 1.0));
        };
    }

    private static long caseId(DelegateExecution execution) {
        return ((Number) execution.getVariable(CaseVariables.CASE_ID)).longValue();
    }
}
