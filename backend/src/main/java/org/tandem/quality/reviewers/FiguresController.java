package org.tandem.quality.reviewers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUsers;
import org.tandem.platform.usecase.UseCaseCatalog;

/**
 * The reviewers' figures: each reviewer's own, with their consent setting; the managers' view under the
 * rule of {@link FiguresPolicy} — decided here, on the server, so no screen can show more.
 */
@RestController
class FiguresController {

    @io.swagger.v3.oas.annotations.media.Schema(name = "MyFigures")
    record MyFigures(boolean share, int minCasesForManager, List<ReviewerFigures.Figures> figures) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "ReviewerConsentRequest")
    record Consent(
            @NotNull(message = "Indiquez si vous partagez vos indicateurs (oui ou non).")
            Boolean share) {}

    /** @param hiddenReason why the team's figures are not shown (then {@code figures} is null) */
    @io.swagger.v3.oas.annotations.media.Schema(name = "TeamFigures")
    record TeamFigures(
            String useCaseKey,
            String useCaseName,
            int reviewers,
            ReviewerFigures.Figures figures,
            String hiddenReason) {}

    /**
     * @param hiddenReviewers how many reviewers have figures not shown here (no consent, or too few cases)
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ManagerFigures")
    record ManagerFigures(
            int minCasesForManager,
            int minReviewersForTeam,
            List<TeamFigures> teams,
            List<ReviewerFigures.Figures> reviewers,
            int hiddenReviewers) {}

    private final ReviewerFigures figures;
    private final ReviewerConsent consent;
    private final FiguresPolicy policy;
    private final UseCaseCatalog useCases;
    private final CurrentUsers currentUsers;

    FiguresController(
            ReviewerFigures figures,
            ReviewerConsent consent,
            FiguresPolicy policy,
            UseCaseCatalog useCases,
            CurrentUsers currentUsers) {
        this.figures = figures;
        this.consent = consent;
        this.policy = policy;
        this.useCases = useCases;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/quality/reviewers/me")
    @PreAuthorize("hasRole('EXPERT')")
    MyFigures mine() {
        String me = currentUsers.current().username();
        return new MyFigures(consent.shares(me), policy.minCases(), figures.perReviewer(me));
    }

    @PutMapping("/api/quality/reviewers/me/consent")
    @PreAuthorize("hasRole('EXPERT')")
    MyFigures consent(@Valid @RequestBody Consent request) {
        consent.set(currentUsers.current().username(), request.share());
        return mine();
    }

    @GetMapping("/api/quality/reviewers")
    @PreAuthorize("hasRole('MANAGER')")
    ManagerFigures forManagers() {
        List<ReviewerFigures.Figures> people = figures.perReviewer(null);
        Set<String> sharing = consent.sharing(people.stream()
                .map(ReviewerFigures.Figures::username)
                .distinct()
                .toList());
        List<ReviewerFigures.Figures> shown = policy.visiblePeople(people, sharing);
        List<TeamFigures> teams = figures.perTeam().stream()
                .map(t -> {
                    String hidden = policy.teamHidden(t);
                    return new TeamFigures(
                            t.useCaseKey(),
                            useCases.find(t.useCaseKey())
                                    .map(u -> u.name().fr())
                                    .orElse(t.useCaseKey()),
                            t.reviewers(),
                            hidden == null ? t : null,
                            hidden);
                })
                .toList();
        int hidden = (int) people.stream()
                .filter(f -> !shown.contains(f))
                .map(ReviewerFigures.Figures::username)
                .distinct()
                .count();
        return new ManagerFigures(policy.minCases(), policy.minReviewers(), teams, shown, hidden);
    }
}
