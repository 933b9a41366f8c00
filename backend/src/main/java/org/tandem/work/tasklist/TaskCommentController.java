package org.tandem.work.tasklist;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.CurrentUsers;
import org.tandem.work.TaskAccess;

/**
 * Comments on a task, kept by the engine ({@code TaskService.createComment}). The list shows the
 * comments of the whole case (every task of its process), so the approver reads the reviewer's.
 */
@RestController
class TaskCommentController {

    record NewComment(
            @NotBlank(message = "Le commentaire ne peut pas être vide.")
            @Size(max = 2000, message = "Le commentaire ne doit pas dépasser 2 000 caractères.")
            String message) {}

    record TaskComment(String id, String taskId, String author, OffsetDateTime at, String message, boolean thisTask) {}

    private final TaskService taskService;
    private final IdentityService identityService;
    private final TaskAccess access;
    private final CurrentUsers currentUsers;

    TaskCommentController(
            TaskService taskService, IdentityService identityService, TaskAccess access, CurrentUsers currentUsers) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.access = access;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/tasks/{id}/comments")
    @PreAuthorize("hasAnyRole('EXPERT', 'ADVISER', 'AI_REFERENT')")
    List<TaskComment> list(@PathVariable String id) {
        Task task = access.requireVisible(id, currentUsers.current());
        List<Comment> comments = task.getProcessInstanceId() == null
                ? taskService.getTaskComments(task.getId())
                : taskService.getProcessInstanceComments(task.getProcessInstanceId());
        return comments.stream()
                .sorted(Comparator.comparing(Comment::getTime))
                .map(c -> view(c, task))
                .toList();
    }

    @PostMapping("/api/tasks/{id}/comments")
    @PreAuthorize("hasAnyRole('EXPERT', 'ADVISER', 'AI_REFERENT')")
    @ResponseStatus(HttpStatus.CREATED)
    TaskComment add(@PathVariable String id, @Valid @RequestBody NewComment body) {
        CurrentUser user = currentUsers.current();
        Task task = access.requireActionable(id, user);
        // the engine takes the comment's author from its own authentication, set for this call only
        identityService.setAuthenticatedUserId(user.username());
        try {
            return view(
                    taskService.createComment(
                            task.getId(),
                            task.getProcessInstanceId(),
                            body.message().strip()),
                    task);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static TaskComment view(Comment c, Task task) {
        return new TaskComment(
                c.getId(),
                c.getTaskId(),
                c.getUserId(),
                c.getTime() == null ? null : c.getTime().toInstant().atOffset(ZoneOffset.UTC),
                c.getFullMessage(),
                task.getId().equals(c.getTaskId()));
    }
}
