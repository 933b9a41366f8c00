/**
 * People's work on tasks: the task list and its read model ({@code inbox_task}, kept by task listeners
 * in the engine's transaction), claim and hand-over, who may see and act on a task, and the task
 * page's completion, routed to the {@link org.tandem.work.TaskHandler} each module registers for its
 * task keys. It knows tasks, not what they work on: modules contribute their cases
 * ({@link org.tandem.work.TaskCases}) and form values ({@link org.tandem.work.TaskFormValues}).
 */
@ApplicationModule(displayName = "Work")
package org.tandem.work;

import org.springframework.modulith.ApplicationModule;
