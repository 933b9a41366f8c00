package org.tandem.chatbot;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.usecase.PromptRegistry;
import org.tandem.work.DraftDisplays;
import org.tandem.work.TaskAccess;
import org.tandem.work.TaskDecision;
import org.tandem.work.TaskFormValues;
import org.tandem.work.TaskHandler;

/**
 * An AI referent authorises (or refuses) unattended answers for one pre-prompt version; its form
 * shows the pre-prompt. The task belongs to no case: its business key is the version's label.
 */
@Component
class AuthorizationTask implements TaskHandler, TaskFormValues {

    private final TaskService taskService;
    private final TaskAccess access;
    private final DraftDisplays displays;
    private final UnattendedAuthorizations unattended;
    private final PromptRegistry prompts;

    AuthorizationTask(
            TaskService taskService,
            TaskAccess access,
            DraftDisplays displays,
            UnattendedAuthorizations unattended,
            PromptRegistry prompts) {
        this.taskService = taskService;
        this.access = access;
        this.displays = displays;
        this.unattended = unattended;
        this.prompts = prompts;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(UnattendedAuthorizations.TASK_KEY);
    }

    @Override
    public void complete(Task task, TaskDecision d, CurrentUser user) {
        Map<String, Object> variables = new HashMap<>();
        switch (d.decision()) {
            case APPROVE -> {
                // a standing approval of every future answer: only once the whole pre-prompt was displayed
                displays.require(task, user);
                variables.put("authorized", true);
            }
            case REJECT -> {
                variables.put("authorized", false);
                variables.put("reason", TaskDecision.require("reason", d.reason(), "Expliquez pourquoi vous refusez."));
            }
            default -> throw d.notPossibleOn(task);
        }
        variables.put("authorizedBy", user.username());
        access.claim(task, user);
        unattended.record(
                access.businessKey(task),
                task.getId(),
                Boolean.TRUE.equals(variables.get("authorized")),
                user.username());
        taskService.complete(task.getId(), variables);
    }

    /** A standing authorisation's form shows the pre-prompt version it is about (its business key). */
    @Override
    public void contribute(Task task, String businessKey, Map<String, Object> data) {
        if (businessKey == null || !businessKey.contains("@v")) {
            return;
        }
        try {
            data.put("prePrompt", prompts.byLabel(businessKey).prePrompt());
        } catch (RuntimeException e) {
            data.put("prePrompt", businessKey);
        }
    }
}
