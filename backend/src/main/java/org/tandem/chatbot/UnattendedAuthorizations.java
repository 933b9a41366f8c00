package org.tandem.chatbot;

import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.tandem.usecase.PromptRegistry;
import org.tandem.usecase.UseCase;
import org.tandem.usecase.UseCaseCatalog;

/**
 * Standing authorisations of unattended answers, one per pre-prompt version, recorded in the engine
 * (process unattended-authorization, business key = the version label). Without one, no answer
 * reaches a member without a person.
 */
@Service
public class UnattendedAuthorizations {

    public static final String PROCESS_KEY = "unattended-authorization";
    public static final String TASK_KEY = "authorizeUnattended";

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final UseCaseCatalog useCases;
    private final PromptRegistry prompts;

    UnattendedAuthorizations(RuntimeService runtimeService, HistoryService historyService, UseCaseCatalog useCases,
                             PromptRegistry prompts) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.useCases = useCases;
        this.prompts = prompts;
    }

    /** Asks an AI referent to authorise each new pre-prompt version of the chatbot use cases. */
    @EventListener(ApplicationReadyEvent.class)
    public void requestMissing() {
        for (UseCase useCase : useCases.all()) {
            if (useCase.chatbot() != null) {
                request(prompts.current(useCase).label());
            }
        }
    }

    void request(String promptVersion) {
        boolean exists = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(promptVersion).count() > 0;
        if (!exists) {
            runtimeService.startProcessInstanceByKey(PROCESS_KEY, promptVersion);
        }
    }

    /** @return who authorised unattended answers for this version, if anyone did */
    public Optional<String> authorizer(String promptVersion) {
        for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(promptVersion).finished().list()) {
            HistoricVariableInstance authorized = historyService.createHistoricVariableInstanceQuery()
                    .processInstanceId(instance.getId()).variableName("authorized").singleResult();
            HistoricVariableInstance by = historyService.createHistoricVariableInstanceQuery()
                    .processInstanceId(instance.getId()).variableName("authorizedBy").singleResult();
            if (authorized != null && Boolean.TRUE.equals(authorized.getValue()) && by != null) {
                return Optional.of((String) by.getValue());
            }
        }
        return Optional.empty();
    }
}
