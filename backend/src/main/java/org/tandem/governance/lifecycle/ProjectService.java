package org.tandem.governance.lifecycle;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.web.ApiException;

/** The prepare steps that are neither triage nor scoring, and the project's whole view. */
@Service
public class ProjectService {

    @io.swagger.v3.oas.annotations.media.Schema(name = "ProjectTaskItem")
    public record TaskItem(String id, String taskKey, String name, List<String> candidateGroups, String assignee) {}

    public record ProjectView(
            Project project,
            List<ProjectDecision> decisions,
            List<TaskItem> openTasks,
            List<EthicsService.Review> ethicsReviews) {}

    private final ProjectRepository projects;
    private final ProjectTasks tasks;
    private final EthicsService ethics;
    private final org.camunda.bpm.engine.TaskService taskService;

    ProjectService(
            ProjectRepository projects,
            ProjectTasks tasks,
            EthicsService ethics,
            org.camunda.bpm.engine.TaskService taskService) {
        this.projects = projects;
        this.tasks = tasks;
        this.ethics = ethics;
        this.taskService = taskService;
    }

    /** Frugal AI: the reason generative AI is needed, rather than a simpler solution, before any scoring. */
    @Transactional
    public Project recordNecessity(long projectId, String justification, CurrentUser user) {
        projects.require(projectId);
        var task = tasks.require(projectId, "necessity", user, "de justification du recours à l'IA générative");
        if (justification == null || justification.trim().length() < 30) {
            throw ApiException.invalidField(
                    "necessity",
                    "Expliquez en quelques phrases (30 caractères au moins) "
                            + "pourquoi l'IA générative plutôt qu'une solution plus simple.");
        }
        projects.recordNecessity(projectId, justification.trim());
        projects.recordDecision(projectId, "NECESSITY", "JUSTIFIED", justification.trim(), user.username());
        tasks.complete(task, user, Map.of());
        return projects.require(projectId);
    }

    @Transactional
    public Project rework(long projectId, String changes, CurrentUser user) {
        projects.require(projectId);
        var task = tasks.require(projectId, "rework", user, "de reprise");
        if (changes == null || changes.isBlank()) {
            throw ApiException.invalidField("changes", "Décrivez ce qui a été retravaillé pour le comité.");
        }
        projects.recordDecision(projectId, "REWORK", "DONE", changes.trim(), user.username());
        tasks.complete(task, user, Map.of());
        return projects.require(projectId);
    }

    public ProjectView view(long projectId) {
        Project project = projects.require(projectId);
        List<TaskItem> open = tasks.open(projectId).stream()
                .map(t -> new TaskItem(
                        t.getId(),
                        t.getTaskDefinitionKey(),
                        t.getName(),
                        taskService.getIdentityLinksForTask(t.getId()).stream()
                                .filter(l -> l.getGroupId() != null)
                                .map(l -> l.getGroupId())
                                .toList(),
                        t.getAssignee()))
                .toList();
        return new ProjectView(project, projects.decisions(projectId), open, ethics.reviews(projectId));
    }
}
