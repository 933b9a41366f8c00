package org.tandem.work.tasklist;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUsers;
import org.tandem.platform.web.ApiException;

@RestController
@RequestMapping("/api/task-filters")
class TaskFilterController {

    private final TaskFilters filters;
    private final CurrentUsers currentUsers;

    TaskFilterController(TaskFilters filters, CurrentUsers currentUsers) {
        this.filters = filters;
        this.currentUsers = currentUsers;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('EXPERT', 'ADVISER', 'AI_REFERENT')")
    List<TaskFilters.SavedFilter> list(
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean counts) {
        return counts ? filters.visibleWithCounts(currentUsers.current()) : filters.visibleTo(currentUsers.current());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('EXPERT', 'ADVISER', 'AI_REFERENT')")
    TaskFilters.SavedFilter save(@RequestBody TaskFilters.NewFilter filter) {
        if (filter == null) {
            throw ApiException.badRequest("Indiquez le nom du filtre, son groupe et ses critères.");
        }
        return filters.save(filter, currentUsers.current());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('EXPERT', 'ADVISER', 'AI_REFERENT')")
    void delete(@PathVariable long id) {
        filters.delete(id, currentUsers.current());
    }
}
