package org.tandem.governance.lifecycle;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.web.ApiException;
import org.tandem.work.TaskAccess;

/**
 * The open tasks of a project (its own process and the processes it calls share its business key),
 * worked only by their candidate groups or users: the same rule as the content cases' tasks.
 */
@Component
public class ProjectTasks {

    private final TaskService taskService;
    private final TaskAccess access;

    ProjectTasks(TaskService taskService, TaskAccess access) {
        this.taskService = taskService;
        this.access = access;
    }

    public List<Task> open(long projectId) {
        return taskService
                .createTaskQuery()
                .processInstanceBusinessKey(ProjectRepository.businessKey(projectId))
                .active()
                .orderByTaskCreateTime()
                .asc()
                .list();
    }

    /** The open task of this step, checked against the person: 409 when the project is elsewhere. */
    public Task require(long projectId, String taskKey, CurrentUser user, String whatFrench) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(ProjectRepository.businessKey(projectId))
                .taskDefinitionKey(taskKey)
                .active()
                .singleResult();
        if (task == null) {
            throw ApiException.conflict("Le projet n° " + projectId + " n'attend pas " + whatFrench + ".");
        }
        return access.requireWorkable(task.getId(), user);
    }

    public void complete(Task task, CurrentUser user, Map<String, Object> variables) {
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user.username());
        }
        taskService.complete(task.getId(), variables);
    }
}
