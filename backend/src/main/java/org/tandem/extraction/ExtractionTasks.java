package org.tandem.extraction;

import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tandem.platform.security.CurrentUser;
import org.tandem.work.TaskAccess;
import org.tandem.work.TaskDecision;
import org.tandem.work.TaskHandler;

/** « Enregistrer les champs vérifiés » on the tasks that verify or enter an extraction's fields. */
@Component
class ExtractionTasks implements TaskHandler {

    private final ExtractionService extraction;
    private final TaskAccess access;

    ExtractionTasks(ExtractionService extraction, TaskAccess access) {
        this.extraction = extraction;
        this.access = access;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(ExtractionService.VERIFY_TASK, ExtractionService.ENTER_TASK);
    }

    @Override
    public void complete(Task task, TaskDecision decision, CurrentUser user) {
        extraction.submit(task, access.caseId(task).orElseThrow(), decision, user);
    }
}
