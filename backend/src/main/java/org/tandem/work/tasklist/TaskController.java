package org.tandem.work.tasklist;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.content.casefile.CaseView;
import org.tandem.content.casefile.CaseViews;
import org.tandem.content.CaseRepository;
import org.tandem.content.ContentCase;
import org.tandem.members.MemberRepository;
import org.tandem.content.review.ReviewService;
import org.tandem.work.TaskAccess;
import org.tandem.work.TaskDecision;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.CurrentUsers;
import org.tandem.platform.usecase.UseCaseCatalog;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

    /** A task and its case; no case for tasks that have none (authorisations). */
    record TaskDetail(TaskItem task, @JsonProperty("case") CaseView caseView) {
    }

    record TaskItem(String id, String name, String taskKey, Long caseId, String useCaseKey, String useCaseName,
                    String memberName, String subject, OffsetDateTime createdAt, String assignee,
                    boolean suspended) {
    }

    private final TaskAccess access;
    private final ReviewService reviews;
    private final CaseRepository cases;
    private final CaseViews caseViews;
    private final MemberRepository members;
    private final UseCaseCatalog useCases;
    private final CurrentUsers currentUsers;

    TaskController(TaskAccess access, ReviewService reviews, CaseRepository cases, CaseViews caseViews,
                   MemberRepository members, UseCaseCatalog useCases, CurrentUsers currentUsers) {
        this.access = access;
        this.reviews = reviews;
        this.cases = cases;
        this.caseViews = caseViews;
        this.members = members;
        this.useCases = useCases;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    TaskDetail one(@PathVariable String id) {
        Task task = access.requireVisible(id, currentUsers.current());
        var caseId = caseIdOf(task);
        if (caseId.isEmpty()) {
            return new TaskDetail(item(task, null), null);
        }
        ContentCase contentCase = cases.findById(caseId.get()).orElse(null);
        return new TaskDetail(item(task, contentCase), caseViews.viewTrusted(caseId.get()));
    }

    @PostMapping("/{id}/complete")
    @ApiResponse(responseCode = "200", description = "The case after the decision; {\"completed\": true} for a task"
            + " without a case (an authorisation)", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @PreAuthorize("hasAnyRole('EXPERT', 'ADVISER', 'AI_REFERENT')")
    Object complete(@PathVariable String id, @Valid @RequestBody TaskDecision decision) {
        CurrentUser user = currentUsers.current();
        long caseId = reviews.complete(id, decision, user);
        return caseId == ReviewService.NO_CASE ? Map.of("completed", true) : caseViews.viewTrusted(caseId);
    }

    record TextToSave(@jakarta.validation.constraints.Size(max = 50000,
            message = "Le texte ne doit pas dépasser 50 000 caractères.") String text) {
    }

    /** Saves the text being edited without completing the task. */
    @PostMapping("/{id}/save")
    @PreAuthorize("hasAnyRole('EXPERT', 'ADVISER')")
    ReviewService.SavedVersion save(@PathVariable String id, @Valid @RequestBody TextToSave body) {
        return reviews.save(id, body.text(), currentUsers.current());
    }

    /** Content tasks carry their case id as business key; others (authorisations) have none. */
    private java.util.Optional<Long> caseIdOf(Task task) {
        String key = access.businessKey(task);
        return key != null && key.matches("\\d{1,18}") ? java.util.Optional.of(Long.parseLong(key))
                : java.util.Optional.empty();
    }

    private TaskItem item(Task t, ContentCase c) {
        return new TaskItem(t.getId(), t.getName(), t.getTaskDefinitionKey(), c == null ? null : c.id(),
                c == null ? null : c.useCaseKey(),
                c == null ? null : useCases.find(c.useCaseKey()).map(u -> u.name().fr()).orElse(c.useCaseKey()),
                c == null ? null : members.findById(c.memberId()).map(m -> m.displayName()).orElse(c.memberId()),
                c == null ? null : c.subject(),
                t.getCreateTime() == null ? null : t.getCreateTime().toInstant().atOffset(ZoneOffset.UTC),
                t.getAssignee(), t.isSuspended());
    }
}
