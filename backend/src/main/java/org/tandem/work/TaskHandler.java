package org.tandem.work;

import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.tandem.platform.security.CurrentUser;

/**
 * A module's part in completing tasks from Tandem's task page: the task keys (BPMN ids of user
 * tasks) it owns and what a person's decision does on them. Modules register handlers as beans;
 * {@link TaskCompletion} routes each task to the one handler of its key, so adding a task kind
 * touches only its module.
 */
public interface TaskHandler {

    /** The task definition keys this handler completes; a key belongs to one handler only. */
    Set<String> taskKeys();

    /**
     * Applies the decision and completes the task, in the caller's transaction. The task is
     * workable by {@code user} (checked); refusals are {@link org.tandem.platform.web.ApiException}s
     * in French.
     */
    void complete(Task task, TaskDecision decision, CurrentUser user);
}
