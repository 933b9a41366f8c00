package org.tandem.support;

import java.time.Duration;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

/** Waits for something the worker or the job executor does in the background. */
public final class Eventually {

    private Eventually() {}

    public static <T> T await(String what, Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * The open user task of a case (its process instance's business key is the case's id), of this key when one is
     * given, once the AI step or a job has made it: up to 30 seconds.
     */
    public static Task caseTask(TaskService tasks, long caseId, String taskKey) {
        String what = (taskKey == null ? "the task" : "the " + taskKey + " task") + " of case " + caseId;
        return await(what, Duration.ofSeconds(30), () -> {
            TaskQuery query = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(caseId));
            return (taskKey == null ? query : query.taskDefinitionKey(taskKey)).singleResult();
        });
    }
}
