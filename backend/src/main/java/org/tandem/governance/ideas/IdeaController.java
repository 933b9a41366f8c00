package org.tandem.governance.ideas;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.governance.lifecycle.Project;
import org.tandem.governance.lifecycle.ProjectRepository;
import org.tandem.platform.security.CurrentUsers;

@RestController
@RequestMapping("/api/ideas")
class IdeaController {

    /** What the submitter sees of their idea: its stage and, when it was set aside, why. */
    record MyIdea(
            long id,
            String title,
            String stage,
            String rejectionReason,
            Long mergedInto,
            java.time.OffsetDateTime createdAt,
            java.time.OffsetDateTime updatedAt) {
        static MyIdea of(Project p) {
            return new MyIdea(
                    p.id(),
                    p.title(),
                    p.stage().name(),
                    p.rejectionReason(),
                    p.mergedInto(),
                    p.createdAt(),
                    p.updatedAt());
        }
    }

    private final IdeaService ideas;
    private final ProjectRepository projects;
    private final CurrentUsers currentUsers;

    IdeaController(IdeaService ideas, ProjectRepository projects, CurrentUsers currentUsers) {
        this.ideas = ideas;
        this.projects = projects;
        this.currentUsers = currentUsers;
    }

    /** Any employee; not a service account. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("isAuthenticated() and !hasRole('SERVICE')")
    MyIdea submit(@Valid @RequestBody IdeaRequest request) {
        return MyIdea.of(ideas.submit(request, currentUsers.current()));
    }

    @GetMapping("/mine")
    @PreAuthorize("isAuthenticated() and !hasRole('SERVICE')")
    List<MyIdea> mine() {
        return projects.submittedBy(currentUsers.current().username()).stream()
                .map(MyIdea::of)
                .toList();
    }

    @PostMapping("/{id}/triage")
    @PreAuthorize("hasRole('AI_REFERENT')")
    MyIdea triage(@PathVariable long id, @Valid @RequestBody TriageRequest request) {
        return MyIdea.of(ideas.triage(id, request, currentUsers.current()));
    }
}
