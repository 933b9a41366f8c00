package org.tandem.extraction;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.content.CaseVariables;

/** The extraction process's service task and listener beans, named as extraction.bpmn calls them. */
@Configuration
class ExtractionDelegates {

    /** « Enregistrer les champs vérifiés ». */
    @Bean("recordVerifiedFields")
    JavaDelegate recordVerifiedFields(ExtractionService extraction) {
        return (DelegateExecution execution) ->
                extraction.record(((Number) execution.getVariable(CaseVariables.CASE_ID)).longValue());
    }
}
