package org.tandem.content.deadline;

import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tandem.content.ContentTasks;
import org.tandem.platform.security.CurrentUser;
import org.tandem.work.TaskAccess;
import org.tandem.work.TaskDecision;
import org.tandem.work.TaskHandler;

/** The manager's « Tâche en retard »: they say what they did about the late case, and the task closes. */
@Component
class OverdueTask implements TaskHandler {

    private final TaskService taskService;
    private final TaskAccess access;
    private final EscalationRepository escalations;

    OverdueTask(TaskService taskService, TaskAccess access, EscalationRepository escalations) {
        this.taskService = taskService;
        this.access = access;
        this.escalations = escalations;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(ContentTasks.HANDLE_OVERDUE);
    }

    @Override
    public void complete(Task task, TaskDecision decision, CurrentUser user) {
        if (decision.decision() != TaskDecision.Decision.SUBMIT) {
            throw decision.notPossibleOn(task);
        }
        String note =
                TaskDecision.require("text", decision.text(), "Indiquez ce que vous avez fait au sujet du retard.");
        if (note.length() > 2000) {
            throw org.tandem.platform.web.ApiException.invalidField(
                    "text", "Le texte ne doit pas dépasser 2 000 caractères.");
        }
        access.caseId(task).ifPresent(caseId -> escalations.recordHandled(caseId, user.username(), note));
        taskService.complete(task.getId());
    }
}
