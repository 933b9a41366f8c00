package org.tandem.quality.reviewers;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.platform.usecase.QualityProperties;

/**
 * The rule of proposal 15 (« the tool must not become a way to monitor people »), applied by the API:
 * a reviewer sees all their own figures; a manager sees a team's figures (a use case's reviewers together)
 * only when at least {@code minReviewersForTeam} reviewers contribute, so that no one is singled out, and a
 * reviewer's own figures only when that reviewer chose to share them and has at least
 * {@code minCasesForManager} reviewed cases on the use case (fewer say more about chance than about them).
 */
@Component
class FiguresPolicy {

    private final int minCases;
    private final int minReviewers;

    FiguresPolicy(QualityProperties properties) {
        this.minCases = properties.minCasesForManager();
        this.minReviewers = properties.minReviewersForTeam();
    }

    int minCases() {
        return minCases;
    }

    int minReviewers() {
        return minReviewers;
    }

    /** Why a manager may not see the team's figures, or null when they may. */
    String teamHidden(ReviewerFigures.Figures team) {
        return team.reviewers() < minReviewers
                ? "Moins de " + minReviewers + " relecteurs : les chiffres de l'équipe désigneraient des personnes."
                : null;
    }

    /** Whether a manager may see this reviewer's figures. */
    boolean personShown(ReviewerFigures.Figures person, Set<String> sharing) {
        return sharing.contains(person.username()) && person.cases() >= minCases;
    }

    /** The figures a manager may see, of all reviewers'. */
    List<ReviewerFigures.Figures> visiblePeople(List<ReviewerFigures.Figures> all, Set<String> sharing) {
        return all.stream().filter(f -> personShown(f, sharing)).toList();
    }
}
