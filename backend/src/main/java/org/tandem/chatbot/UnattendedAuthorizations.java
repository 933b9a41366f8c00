package org.tandem.chatbot;

import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tandem.platform.database.Rows;
import org.tandem.platform.usecase.PromptAuthorizations;

/**
 * Standing authorisations of unattended answers, one per pre-prompt version. Without one, no answer
 * reaches a member without a person. Since the quality loop, it is the general rule's case: an AI
 * referent authorises a version after its evaluation on the use case's reference set (process
 * {@value PromptAuthorizations#EVALUATION_PROCESS}, {@link PromptAuthorizations#personAuthorization}); a
 * version authorised at installation or by the migration serves, but its answers go to an adviser until
 * a person authorises it. The decisions of the former process (unattended-authorization, business key =
 * the version label) still count, and its open tasks can still be completed.
 */
@Service
public class UnattendedAuthorizations {

    public static final String PROCESS_KEY = "unattended-authorization";
    public static final String TASK_KEY = "authorizeUnattended";

    private final HistoryService historyService;
    private final PromptAuthorizations prompts;
    private final JdbcClient jdbc;

    UnattendedAuthorizations(HistoryService historyService, PromptAuthorizations prompts, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.historyService = historyService;
        this.prompts = prompts;
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
        var evaluated = prompts.personAuthorization(promptVersion);
        if (evaluated.isPresent()
                && completedBy(
                        evaluated.get().taskId(),
                        PromptAuthorizations.AUTHORIZE_TASK,
                        PromptAuthorizations.EVALUATION_PROCESS,
                        evaluated.get().decidedBy(),
                        promptVersion)) {
            return Optional.of(evaluated.get().decidedBy());
        }
        return legacyAuthorizer(promptVersion);
    }

    /** A decision of the former process, before the quality loop. */
    private Optional<String> legacyAuthorizer(String promptVersion) {
        record Decision(String taskId, String decidedBy) {}
        for (Decision d : jdbc.sql("""
                        select task_id, decided_by from unattended_authorization
                        where prompt_version = ? and authorized order by decided_at""")
                .param(promptVersion)
                .query(Rows.of(Decision.class))
                .list()) {
            if (completedBy(d.taskId(), TASK_KEY, PROCESS_KEY, d.decidedBy(), promptVersion)) {
                return Optional.of(d.decidedBy());
            }
        }
        return Optional.empty();
    }

    /** The engine's history shows the task of that process and version completed by that person. */
    private boolean completedBy(
            String taskId, String taskKey, String processKey, String decidedBy, String promptVersion) {
        if (taskId == null) {
            return false;
        }
        HistoricTaskInstance task = historyService
                .createHistoricTaskInstanceQuery()
                .taskId(taskId)
                .taskDefinitionKey(taskKey)
                .processDefinitionKey(processKey)
                .finished()
                .singleResult();
        return task != null
                && "completed".equals(task.getDeleteReason())
                && decidedBy.equals(task.getAssignee())
                && promptVersion.equals(businessKey(task.getProcessInstanceId()));
    }

    private String businessKey(String processInstanceId) {
        HistoricProcessInstance instance = historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }
}
