package org.tandem.governance.portfolio;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.governance.lifecycle.LifecycleVariables;
import org.tandem.governance.lifecycle.Project;
import org.tandem.governance.lifecycle.ProjectRepository;
import org.tandem.governance.lifecycle.ProjectStage;
import org.tandem.governance.lifecycle.ProjectTasks;
import org.tandem.platform.footprint.CatalogEntry;
import org.tandem.platform.footprint.FootprintProperties;
import org.tandem.platform.footprint.Hosting;
import org.tandem.platform.footprint.ModelCatalog;
import org.tandem.platform.footprint.YearlyForecast;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.web.ApiException;

/** Directorate scoring (absolute, weighted per directorate), ranking and the selection decision. */
@Service
public class PortfolioService {

    public record RankedProject(
            int rank,
            long projectId,
            String title,
            String directorateCode,
            String stage,
            ProjectScore score,
            String selection,
            String selectionRationale,
            String selectedBy) {}

    private final PortfolioRepository repository;
    private final ProjectRepository projects;
    private final ProjectTasks tasks;
    private final ModelCatalog catalog;
    private final FootprintProperties footprint;

    PortfolioService(
            PortfolioRepository repository,
            ProjectRepository projects,
            ProjectTasks tasks,
            ModelCatalog catalog,
            FootprintProperties footprint) {
        this.repository = repository;
        this.projects = projects;
        this.tasks = tasks;
        this.catalog = catalog;
        this.footprint = footprint;
    }

    public List<Directorate> directorates() {
        return repository.directorates();
    }

    public Directorate updateWeights(String code, Weights weights) {
        requireDirectorate(code);
        repository.updateWeights(code, weights);
        return requireDirectorate(code);
    }

    /** The forecast as FOOTPRINT.md says: volume × tokens through the same per-request functions. */
    public YearlyForecast forecast(String model, long casesPerYear, long inputTokens, long outputTokens) {
        CatalogEntry entry = catalog.find(model)
                .orElseThrow(() -> ApiException.invalidField(
                        "model",
                        "Le modèle « " + model
                                + " » n'est pas dans le catalogue : son empreinte ne peut pas être estimée."));
        Hosting hosting = switch (entry.spec().provider()) {
            case Hosting.MISTRAL -> Hosting.mistral();
            case Hosting.OPENAI -> Hosting.openAi();
            default -> footprint.onPremisesHosting();
        };
        return YearlyForecast.of(entry.spec(), hosting, entry.price(), casesPerYear, inputTokens, outputTokens);
    }

    /** Scores (or re-scores) a project waiting for its selection; may be repeated before deciding. */
    @Transactional
    public ProjectScore score(long projectId, ScoringRequest r, CurrentUser user) {
        Project project = projects.require(projectId);
        tasks.require(projectId, "scoring", user, "de notation");
        Directorate directorate = requireDirectorate(project.directorateCode());
        YearlyForecast forecast =
                forecast(r.model(), r.casesPerYear(), r.inputTokensPerCase(), r.outputTokensPerCase());
        double runCost = forecast.costEur() == null ? 0 : forecast.costEur().doubleValue();
        ScoreFormula.Breakdown b = ScoreFormula.score(
                r.casesPerYear(),
                r.minutesSavedPerCase(),
                r.memberBenefit(),
                r.buildCostEur() + runCost,
                r.feasibility(),
                forecast.totalKgCo2e().max(),
                r.riskTier(),
                directorate.weights());
        ProjectScore score = new ProjectScore(
                projectId,
                r.casesPerYear(),
                r.minutesSavedPerCase(),
                r.memberBenefit(),
                r.buildCostEur(),
                forecast.model(),
                r.inputTokensPerCase(),
                r.outputTokensPerCase(),
                r.feasibility(),
                r.riskTier().name(),
                forecast.costEur() == null ? null : runCost,
                forecast.energyKwh().min(),
                forecast.energyKwh().max(),
                forecast.totalKgCo2e().min(),
                forecast.totalKgCo2e().max(),
                b.value(),
                b.cost(),
                b.feasibility(),
                b.environment(),
                b.risk(),
                b.total(),
                directorate.weights().toString(),
                user.username(),
                null);
        repository.save(score);
        return repository.score(projectId).orElseThrow();
    }

    public enum Selection {
        SELECT,
        DECLINE
    }

    @Transactional
    public void decide(long projectId, Selection decision, String rationale, CurrentUser user) {
        projects.require(projectId);
        var task = tasks.require(projectId, "scoring", user, "de sélection");
        if (rationale == null || rationale.isBlank()) {
            throw ApiException.invalidField("rationale", "Expliquez la décision de la direction.");
        }
        ProjectScore score = repository
                .score(projectId)
                .orElseThrow(() -> ApiException.conflict(
                        "Notez le projet avant de décider : la sélection s'appuie sur son score."));
        if (decision == Selection.SELECT && RiskTier.valueOf(score.riskTier()) == RiskTier.UNACCEPTABLE) {
            throw ApiException.invalidField(
                    "decision",
                    "Un projet à risque inacceptable (pratique interdite par l'AI Act) ne peut pas être retenu.");
        }
        projects.recordDecision(projectId, "SELECTION", decision.name(), rationale.trim(), user.username());
        tasks.complete(task, user, Map.of(LifecycleVariables.SELECTION_DECISION, decision.name()));
    }

    public java.util.Optional<ProjectScore> scoreOf(long projectId) {
        return repository.score(projectId);
    }

    /** Scored projects, best score first; filters are optional. The score is absolute: ties keep the older first. */
    public List<RankedProject> ranking(String directorateCode, String stage) {
        Map<Long, Project> byId = projects.all().stream().collect(Collectors.toMap(Project::id, Function.identity()));
        List<ProjectScore> scores = repository.scores().stream()
                .filter(s -> byId.containsKey(s.projectId()))
                .filter(s -> directorateCode == null
                        || directorateCode.isBlank()
                        || byId.get(s.projectId()).directorateCode().equals(directorateCode))
                .filter(s -> stage == null
                        || stage.isBlank()
                        || byId.get(s.projectId()).stage().name().equals(stage))
                .sorted(Comparator.comparingDouble(ProjectScore::totalScore)
                        .reversed()
                        .thenComparingLong(ProjectScore::projectId))
                .toList();
        java.util.ArrayList<RankedProject> ranked = new java.util.ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            ProjectScore s = scores.get(i);
            Project p = byId.get(s.projectId());
            var selection = projects.decisions(p.id()).stream()
                    .filter(d -> d.step().equals("SELECTION"))
                    .reduce((a, b) -> b);
            ranked.add(new RankedProject(
                    i + 1,
                    p.id(),
                    p.title(),
                    p.directorateCode(),
                    p.stage().name(),
                    s,
                    selection.map(d -> d.decision()).orElse(null),
                    selection.map(d -> d.rationale()).orElse(null),
                    selection.map(d -> d.decidedBy()).orElse(null)));
        }
        return ranked;
    }

    private Directorate requireDirectorate(String code) {
        return repository
                .directorate(code)
                .orElseThrow(() -> ApiException.notFound("La direction « " + code + " » n'existe pas."));
    }

    static boolean awaitingSelection(Project p) {
        return p.stage() == ProjectStage.SCORING;
    }
}
