package org.tandem.quality.review;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.governance.lifecycle.ExperimentService;
import org.tandem.governance.lifecycle.ProjectRepository;
import org.tandem.governance.lifecycle.ProjectStage;
import org.tandem.platform.security.CurrentUsers;
import org.tandem.platform.usecase.QualityProperties;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.platform.web.ApiException;
import org.tandem.quality.reviewers.ReviewerConsent;

/**
 * The managers' and AI referents' view of the agreement between reviewers: κ per use case with its
 * interval and table; per pair of reviewers only where both share their figures and rated enough drafts
 * together (proposal 15: a pair's κ points at two people). A manager may send a use case's κ to the
 * feedback of the experiments running it.
 */
@RestController
class AgreementController {

    @io.swagger.v3.oas.annotations.media.Schema(name = "UseCaseAgreement")
    record AgreementView(
            String useCaseKey,
            String useCaseName,
            String useCaseNameEn,
            Agreement.Kappa kappa,
            boolean lowFinding,
            List<Agreement.PairKappa> pairs,
            int hiddenPairs) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "Agreements")
    record Agreements(double lowKappa, int lowKappaMinPairs, List<String> categories, List<AgreementView> useCases) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "AgreementFeedbackSent")
    record FeedbackSent(List<Long> projects, String text) {}

    private final Agreement agreement;
    private final ReviewerConsent consent;
    private final QualityProperties properties;
    private final UseCaseCatalog useCases;
    private final ProjectRepository projects;
    private final ExperimentService experiments;
    private final CurrentUsers currentUsers;

    AgreementController(
            Agreement agreement,
            ReviewerConsent consent,
            QualityProperties properties,
            UseCaseCatalog useCases,
            ProjectRepository projects,
            ExperimentService experiments,
            CurrentUsers currentUsers) {
        this.agreement = agreement;
        this.consent = consent;
        this.properties = properties;
        this.useCases = useCases;
        this.projects = projects;
        this.experiments = experiments;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/quality/agreement")
    @PreAuthorize("hasAnyRole('MANAGER', 'AI_REFERENT')")
    Agreements agreements() {
        List<AgreementView> views = new ArrayList<>();
        for (Agreement.UseCaseAgreement a : agreement.all()) {
            Set<String> sharing = consent.sharing(a.pairs().stream()
                    .flatMap(p -> java.util.stream.Stream.of(p.reviewerA(), p.reviewerB()))
                    .distinct()
                    .toList());
            List<Agreement.PairKappa> shown = a.pairs().stream()
                    .filter(p -> Agreement.pairShown(p, sharing, properties.minCasesForManager()))
                    .toList();
            var useCase = useCases.find(a.useCaseKey());
            views.add(new AgreementView(
                    a.useCaseKey(),
                    useCase.map(u -> u.name().fr()).orElse(a.useCaseKey()),
                    useCase.map(u -> u.name().en()).orElse(null),
                    a.kappa(),
                    a.lowFinding(),
                    shown,
                    a.pairs().size() - shown.size()));
        }
        return new Agreements(agreement.lowKappa(), agreement.minPairs(), Agreement.CATEGORIES, views);
    }

    /** Adds the use case's κ to the feedback of every project experimenting it. */
    @PostMapping("/api/quality/use-cases/{key}/agreement/feedback")
    @PreAuthorize("hasRole('MANAGER')")
    FeedbackSent feedback(@PathVariable String key) {
        var useCase = useCases.find(key)
                .orElseThrow(() -> ApiException.notFound("Le cas d'usage « " + key + " » n'existe pas."));
        Agreement.UseCaseAgreement a = agreement.all().stream()
                .filter(x -> x.useCaseKey().equals(key))
                .findFirst()
                .filter(x -> x.kappa().kappa() != null)
                .orElseThrow(() -> ApiException.conflict(
                        "Aucun accord mesurable pour ce cas d'usage : il faut des secondes relectures d'abord."));
        List<Long> running = projects.usingUseCase(key).stream()
                .filter(p -> p.stage() == ProjectStage.EXPERIMENT)
                .map(p -> p.id())
                .toList();
        if (running.isEmpty()) {
            throw ApiException.conflict("Aucun projet en expérimentation n'utilise le cas d'usage « "
                    + useCase.name().fr() + " » : rien à qui transmettre ce constat.");
        }
        NumberFormat two = NumberFormat.getNumberInstance(Locale.FRANCE);
        two.setMinimumFractionDigits(2);
        two.setMaximumFractionDigits(2);
        Agreement.Kappa k = a.kappa();
        String text = "Seconde relecture à l'aveugle : κ de Cohen = " + two.format(k.kappa()) + " (IC 95 % ["
                + two.format(k.low()) + " ; " + two.format(k.high()) + "]) sur " + k.n() + " contenus relus deux fois"
                + (a.lowFinding()
                        ? " — accord faible entre experts : harmoniser les critères de relecture avant de conclure."
                        : ".");
        running.forEach(id -> experiments.addFeedback(id, text, currentUsers.current()));
        return new FeedbackSent(running, text);
    }
}
