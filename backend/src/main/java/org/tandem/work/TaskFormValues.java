package org.tandem.work;

import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/**
 * Values a module puts into the Camunda Form of a task it knows (under the keys the forms of
 * {@code forms/} use), before the process variables the form names. Modules contribute one each.
 */
public interface TaskFormValues {

    /** Adds this module's values for the task to {@code data}; leaves it alone for tasks it does not know. */
    void contribute(Task task, String businessKey, Map<String, Object> data);
}
