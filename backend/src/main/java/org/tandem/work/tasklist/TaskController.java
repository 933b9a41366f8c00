package org.tandem.work.tasklist;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.CurrentUsers;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.work.CaseFacts;
import org.tandem.work.TaskAccess;
import org.tandem.work.TaskCases;
import org.tandem.work.TaskCompletion;
import org.tandem.work.TaskDecision;

/** A task and its case, and the completion of a task with a person's decision (routed to its module's handler). */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    /** A task and its case; no case for tasks that have none (authorisations). */
    record TaskDetail(
            TaskItem task,

            @JsonProperty("case") @Schema(ref = "#/components/schemas/CaseView")
            Object caseView) {}

    record TaskItem(
            String id,
            String name,
            String taskKey,
            Long caseId,
            String useCaseKey,
            String useCaseName,
            String memberName,
            String subject,
            OffsetDateTime createdAt,
            String assignee,
            boolean suspended) {}

    private final TaskAccess access;
    private final TaskCompletion completion;
    private final TaskCases cases;
    private final UseCaseCatalog useCases;
    private final CurrentUsers currentUsers;

    TaskController(
            TaskAccess access,
            TaskCompletion completion,
            TaskCases cases,
            UseCaseCatalog useCases,
            CurrentUsers currentUsers) {
        this.access = access;
        this.completion = completion;
        this.cases = cases;
        this.useCases = useCases;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    TaskDetail one(@PathVariable String id) {
        Task task = access.requireVisible(id, currentUsers.current());
        Optional<Long> caseId = access.caseId(task);
        CaseFacts facts = caseId.flatMap(cases::facts).orElse(CaseFacts.NONE);
        return new TaskDetail(item(task, facts), caseId.map(cases::view).orElse(null));
    }

    /**
     * The outcome of a decision: done, and the case it worked on (none for an authorisation). Not the case
     * view: building it for every decision cost 4 % of the CPU under load (issue 18), and the screens that
     * show the case next load it themselves.
     */
    record Completed(boolean completed, Long caseId) {}

    @PostMapping("/{id}/complete")
    // a manager works the tasks escalated to them (issue 19)
    @PreAuthorize("hasAnyRole('EXPERT', 'ADVISER', 'AI_REFERENT', 'MANAGER')")
    Completed complete(@PathVariable String id, @Valid @RequestBody TaskDecision decision) {
        CurrentUser user = currentUsers.current();
        return new Completed(true, completion.complete(id, decision, user).orElse(null));
    }

    private TaskItem item(Task t, CaseFacts c) {
        return new TaskItem(
                t.getId(),
                t.getName(),
                t.getTaskDefinitionKey(),
                c.caseId(),
                c.useCaseKey(),
                c.useCaseKey() == null
                        ? null
                        : useCases.find(c.useCaseKey()).map(u -> u.name().fr()).orElse(c.useCaseKey()),
                c.memberName(),
                c.subject(),
                t.getCreateTime() == null ? null : t.getCreateTime().toInstant().atOffset(ZoneOffset.UTC),
                t.getAssignee(),
                t.isSuspended());
    }
}
