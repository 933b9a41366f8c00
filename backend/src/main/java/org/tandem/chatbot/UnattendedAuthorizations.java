package org.tandem.chatbot;

import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tandem.platform.usecase.PromptRegistry;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;

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
    private final JdbcClient jdbc;

    UnattendedAuthorizations(
            RuntimeService runtimeService,
            HistoryService historyService,
            UseCaseCatalog useCases,
            PromptRegistry prompts,
            JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        boolean exists = historyService
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionKey(PROCESS_KEY)
                        .processInstanceBusinessKey(promptVersion)
                        .count()
                > 0;
        if (!exists) {
            runtimeService.startProcessInstanceByKey(PROCESS_KEY, promptVersion);
        }
    }

    /** Records an AI referent's decision; called by Tandem with the completion of the task, in its transaction. */
    public void record(String promptVersion, String taskId, boolean authorized, String decidedBy) {
        jdbc.sql(
                        "insert into unattended_authorization (task_id, prompt_version, authorized, decided_by) values (?, ?, ?, ?)")
                .params(taskId, promptVersion, authorized, decidedBy)
                .update();
    }

    /**
     * @return who authorised unattended answers for this version, if anyone did: a decision Tandem
     * recorded, for a task the engine's history shows completed by that same person
     */
    public Optional<String> authorizer(String promptVersion) {
        record Decision(String taskId, String decidedBy) {}
        for (Decision d :
                jdbc.sql("""
                        select task_id, decided_by from unattended_authorization
                        where prompt_version = ? and authorized order by decided_at""").param(promptVersion).query(Decision.class).list()) {
            HistoricTaskInstance task = historyService
                    .createHistoricTaskInstanceQuery()
                    .taskId(d.taskId())
                    .taskDefinitionKey(TASK_KEY)
                    .processDefinitionKey(PROCESS_KEY)
                    .finished()
                    .singleResult();
            if (task != null
                    && "completed".equals(task.getDeleteReason())
                    && d.decidedBy().equals(task.getAssignee())
                    && promptVersion.equals(businessKey(task.getProcessInstanceId()))) {
                return Optional.of(d.decidedBy());
            }
        }
        return Optional.empty();
    }

    private String businessKey(String processInstanceId) {
        HistoricProcessInstance instance = historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }
}
