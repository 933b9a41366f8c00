package org.tandem.chatbot;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.content.CaseVariables;

/** The thin engine adapters of the chatbot variant: read variables, call the service, write variables. */
@Configuration(proxyBeanMethods = false)
class ChatbotDelegates {

    @Bean("checkUnattendedAuthorization")
    JavaDelegate checkUnattendedAuthorization(UnattendedAnswers answers) {
        return execution -> execution.setVariable("unattendedAuthorized", answers.authorized(caseId(execution)));
    }

    @Bean("discloseUnattended")
    JavaDelegate discloseUnattended(UnattendedAnswers answers) {
        return execution -> answers.disclose(caseId(execution));
    }

    private static long caseId(DelegateExecution execution) {
        return ((Number) execution.getVariable(CaseVariables.CASE_ID)).longValue();
    }
}
