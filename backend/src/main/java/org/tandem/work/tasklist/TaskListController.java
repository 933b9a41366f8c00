package org.tandem.work.tasklist;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.CurrentUsers;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.platform.web.ApiException;
import org.tandem.work.inbox.InboxSearch;
import org.tandem.work.inbox.InboxTask;
import org.tandem.work.inbox.TaskCriteria;

/** The task list (served by the read model) and what can be done from it: claim, unclaim, hand over, dates. */
@RestController
@RequestMapping("/api/tasks")
class TaskListController {

    record ListItem(
            String id,
            String name,
            String taskKey,
            String processKey,
            Long caseId,
            String useCaseKey,
            String useCaseName,
            String memberId,
            String memberName,
            String subject,
            List<String> candidateGroups,
            String assignee,
            OffsetDateTime createdAt,
            OffsetDateTime dueAt,
            OffsetDateTime followUpAt,
            int priority,

            @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"OPEN", "COMPLETED", "DELETED"})
            String status,

            OffsetDateTime endedAt,
            boolean suspended) {}

    /** {@code total} is null when the list asked for it apart ({@code total=false}, P4): the page is then not counted. */
    record TaskListPage(List<ListItem> items, Long total, int page, int size, InboxSearch.Counts counts) {}

    record HandOver(String username) {}

    record Dates(LocalDate due, LocalDate followUp) {}

    record Person(String username, String displayName) {}

    private final InboxSearch search;
    private final TaskAssignments assignments;
    private final UseCaseCatalog useCases;
    private final CurrentUsers currentUsers;

    TaskListController(
            InboxSearch search, TaskAssignments assignments, UseCaseCatalog useCases, CurrentUsers currentUsers) {
        this.search = search;
        this.assignments = assignments;
        this.useCases = useCases;
        this.currentUsers = currentUsers;
    }

    /** Visibility is in the query (only tasks offered to the caller or held by them): any signed-in person. */
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    TaskListPage list(
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String useCase,
            @RequestParam(required = false) String member,
            @RequestParam(required = false) String dueAfter,
            @RequestParam(required = false) String dueBefore,
            @RequestParam(required = false) String minPriority,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String order,
            @io.swagger.v3.oas.annotations.Parameter(
                            description =
                                    "include (default), exclude or only the" + " tasks of suspended process instances")
                    @RequestParam(required = false)
                    String suspended,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(defaultValue = "true") boolean counts,
            @io.swagger.v3.oas.annotations.Parameter(
                            description = "false: no total (null) unless known without counting, for a browser"
                                    + " that asks the counts apart (counts=true&size=1) and shows the rows first")
                    @RequestParam(defaultValue = "true")
                    boolean total) {
        TaskCriteria criteria = TaskListRequest.criteria(
                scope, status, useCase, member, dueAfter, dueBefore, minPriority, text, sort, order, suspended);
        int pageSize = TaskListRequest.size(size);
        int offset = TaskListRequest.offset(page, pageSize);
        InboxSearch.Viewer viewer = viewer(currentUsers.current());
        List<ListItem> items = search.page(criteria, viewer, offset, pageSize).stream()
                .map(this::item)
                .toList();
        InboxSearch.Counts totals = counts ? search.counts(criteria, viewer) : null;
        Long counted;
        if (totals != null && criteria.statusValue() == TaskCriteria.Status.OPEN) {
            counted = switch (criteria.scopeValue()) {
                case MINE -> totals.mine();
                case GROUPS -> totals.groups();
                case ALL -> totals.all();
            };
        } else if (offset == 0 && items.size() < pageSize) {
            counted = (long) items.size();
        } else if (!total) {
            // with 100,000 open tasks, counting takes ten times longer than the page
            counted = null;
        } else {
            counted = search.total(criteria, viewer);
        }
        return new TaskListPage(items, counted, offset / pageSize, pageSize, totals);
    }

    @PostMapping("/{id}/claim")
    @PreAuthorize("hasAnyRole('EXPERT', 'ADVISER', 'AI_REFERENT')")
    ListItem claim(@PathVariable String id) {
        assignments.claim(id, currentUsers.current());
        return current(id);
    }

    @PostMapping("/{id}/unclaim")
    @PreAuthorize("hasAnyRole('EXPERT', 'ADVISER', 'AI_REFERENT')")
    ListItem unclaim(@PathVariable String id) {
        assignments.unclaim(id, currentUsers.current());
        return current(id);
    }

    @PostMapping("/{id}/hand-over")
    // a manager works the tasks escalated to them (issue 19)
    @PreAuthorize("hasAnyRole('EXPERT', 'ADVISER', 'AI_REFERENT', 'MANAGER')")
    ListItem handOver(@PathVariable String id, @RequestBody HandOver body) {
        assignments.handOver(id, body == null ? null : body.username(), currentUsers.current());
        return current(id);
    }

    /** Who the task may be handed to (for the hand-over menu). */
    @GetMapping("/{id}/candidates")
    // a manager works the tasks escalated to them (issue 19)
    @PreAuthorize("hasAnyRole('EXPERT', 'ADVISER', 'AI_REFERENT', 'MANAGER')")
    List<Person> candidates(@PathVariable String id) {
        return assignments.candidates(id, currentUsers.current()).entrySet().stream()
                .map(e -> new Person(e.getKey(), e.getValue()))
                .toList();
    }

    @PutMapping("/{id}/dates")
    @PreAuthorize("hasAnyRole('EXPERT', 'ADVISER', 'AI_REFERENT')")
    ListItem dates(@PathVariable String id, @RequestBody Dates body) {
        if (body == null) {
            throw ApiException.badRequest("Indiquez l'échéance et la date de relance (vides pour les retirer).");
        }
        assignments.setDates(id, body.due(), body.followUp(), currentUsers.current());
        return current(id);
    }

    private ListItem current(String id) {
        return search.find(id)
                .map(this::item)
                .orElseThrow(() -> ApiException.notFound("Cette tâche n'existe pas ou a déjà été traitée."));
    }

    static InboxSearch.Viewer viewer(CurrentUser user) {
        return new InboxSearch.Viewer(user.username(), user.groups());
    }

    private ListItem item(InboxTask t) {
        String useCaseName = t.useCaseKey() == null
                ? null
                : useCases.find(t.useCaseKey()).map(u -> u.name().fr()).orElse(t.useCaseKey());
        return new ListItem(
                t.id(),
                t.name(),
                t.taskKey(),
                t.processKey(),
                t.caseId(),
                t.useCaseKey(),
                useCaseName,
                t.memberId(),
                t.memberName(),
                t.subject(),
                t.candidateGroups(),
                t.assignee(),
                t.createdAt(),
                t.dueAt(),
                t.followUpAt(),
                t.priority(),
                t.status(),
                t.endedAt(),
                t.suspended());
    }
}
