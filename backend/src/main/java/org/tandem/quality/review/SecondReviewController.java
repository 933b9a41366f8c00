package org.tandem.quality.review;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.content.CaseRepository;
import org.tandem.content.ContentCase;
import org.tandem.content.Draft;
import org.tandem.content.DraftRepository;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.CurrentUsers;
import org.tandem.platform.usecase.QualityCatalog;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.platform.web.ApiException;
import org.tandem.work.TaskAccess;

/** The second review's blind view of its case, for the reviewer the task is assigned to. */
@RestController
class SecondReviewController {

    private final TaskAccess access;
    private final CurrentUsers currentUsers;
    private final SecondReviewTask secondReview;
    private final CaseRepository cases;
    private final DraftRepository drafts;
    private final UseCaseCatalog useCases;
    private final QualityCatalog quality;

    SecondReviewController(
            TaskAccess access,
            CurrentUsers currentUsers,
            SecondReviewTask secondReview,
            CaseRepository cases,
            DraftRepository drafts,
            UseCaseCatalog useCases,
            QualityCatalog quality) {
        this.access = access;
        this.currentUsers = currentUsers;
        this.secondReview = secondReview;
        this.cases = cases;
        this.drafts = drafts;
        this.useCases = useCases;
        this.quality = quality;
    }

    @GetMapping("/api/tasks/{id}/second-review")
    @PreAuthorize("hasRole('EXPERT')")
    BlindCase blind(@PathVariable String id) {
        CurrentUser user = currentUsers.current();
        Task task = access.requireVisible(id, user);
        if (!SecondReviewTask.TASK_KEY.equals(task.getTaskDefinitionKey())) {
            throw ApiException.notFound("Cette tâche n'est pas une seconde relecture.");
        }
        long caseId = secondReview.caseId(task);
        secondReview.requireIndependent(caseId, user);
        ContentCase c = cases.findById(caseId).orElseThrow(() -> ApiException.notFound("Ce dossier n'existe plus."));
        Draft draft = drafts.latestFromAiStep(caseId)
                .orElseThrow(() -> ApiException.conflict("Ce dossier n'a pas de brouillon de l'IA à relire."));
        var useCase = useCases.find(c.useCaseKey());
        List<BlindCase.Flag> flags = new ArrayList<>();
        var annexes = drafts.annexes(draft.id());
        annexes.guardrails().ifPresent(report -> {
            report.output()
                    .forEach(f -> flags.add(
                            new BlindCase.Flag(f.code(), f.blocking() ? "blocking" : "warning", f.message())));
            report.input().forEach(f -> flags.add(new BlindCase.Flag(f.code(), "info", f.message())));
        });
        return new BlindCase(
                task.getId(),
                caseId,
                c.useCaseKey(),
                useCase.map(u -> u.name().fr()).orElse(c.useCaseKey()),
                useCase.map(u -> u.name().en()).orElse(null),
                c.subject(),
                c.message(),
                new BlindCase.Draft(
                        draft.text(),
                        draft.producer().name(),
                        draft.model(),
                        draft.producerLabel(),
                        draft.promptVersion(),
                        draft.createdAt(),
                        annexes.sources().stream()
                                .map(s -> new BlindCase.Source(
                                        s.id(),
                                        s.reference(),
                                        s.title(),
                                        s.heading(),
                                        s.citation(),
                                        s.text(),
                                        s.stale(),
                                        s.lastReviewed()))
                                .toList(),
                        flags),
                quality.settings(c.useCaseKey()).reasons());
    }
}
