package org.tandem.work;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.web.ApiException;

/**
 * Completes a task with a person's decision through the {@link TaskHandler} registered for its
 * key. The decision, its records and the engine's completion commit together, and the engine calls of a
 * decision (the task's read, its links, a counter, the claim, the completion) run as one engine command:
 * the task and its variables are read once and the engine writes once (issue 18).
 */
@Service
public class TaskCompletion {

    private final TaskAccess access;
    private final DraftDisplays displays;
    private final Map<String, TaskHandler> handlers;
    private final CommandExecutor engineCommands;

    TaskCompletion(TaskAccess access, DraftDisplays displays, List<TaskHandler> registered, ProcessEngine engine) {
        this.access = access;
        this.displays = displays;
        // the engine's API joins a command already open on the thread: one context, one cache, one flush
        this.engineCommands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        Map<String, TaskHandler> byKey = new HashMap<>();
        for (TaskHandler handler : registered) {
            for (String key : handler.taskKeys()) {
                TaskHandler other = byKey.putIfAbsent(key, handler);
                if (other != null) {
                    throw new IllegalStateException("Task key " + key + " has two handlers: "
                            + other.getClass().getName() + " and "
                            + handler.getClass().getName());
                }
            }
        }
        this.handlers = Map.copyOf(byKey);
    }

    /** @return the case the task belonged to, if it worked on one */
    @Transactional
    public Optional<Long> complete(String taskId, TaskDecision decision, CurrentUser user) {
        Object outcome = engineCommands.execute(context -> {
            try {
                return decide(taskId, decision, user);
            } catch (ApiException refused) {
                // returned, not thrown: the engine would log a person's refused decision as its own error; thrown
                // below, it rolls the whole transaction back, the engine's writes included
                return refused;
            }
        });
        if (outcome instanceof ApiException refused) {
            throw refused;
        }
        @SuppressWarnings("unchecked")
        Optional<Long> caseId = (Optional<Long>) outcome;
        return caseId;
    }

    private Optional<Long> decide(String taskId, TaskDecision decision, CurrentUser user) {
        // two people deciding at once: the second waits here, then reads the task as the first left it
        access.lock(taskId);
        try {
            Task task = access.requireWorkable(taskId, user);
            Optional<Long> caseId = access.caseId(task);
            TaskHandler handler = handlers.get(task.getTaskDefinitionKey());
            if (handler == null) {
                throw caseId.isEmpty()
                        // e.g. a knowledge document's review: it has its own screen and endpoint
                        ? ApiException.conflict("Cette tâche ne concerne pas un dossier de contenu : traitez-la depuis "
                                + "son propre écran (« " + task.getName() + " »).")
                        : ApiException.badRequest("Cette tâche ne se traite pas depuis Tandem.");
            }
            if (decision.displayedMs() != null) {
                // one request for the display report and the decision: the record commits with the decision
                displays.record(task, user, decision.displayedMs());
            }
            handler.complete(task, decision, user);
            return caseId;
        } catch (NullValueException e) {
            // the task vanished between our read and our write: a concurrent completion won
            throw ApiException.conflict("Cette tâche vient d'être traitée par quelqu'un d'autre. Rechargez la liste.");
        }
    }

    /** The task keys that Tandem's task page completes. */
    public Set<String> taskKeys() {
        return handlers.keySet();
    }
}
