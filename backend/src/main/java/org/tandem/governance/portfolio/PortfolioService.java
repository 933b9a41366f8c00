package org.tandem.governance.portfolio;

import java.time.OffsetDateTime;
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
import org.tandem.platform.time.EngineClock;
import org.tandem.platform.web.ApiException;

/** Directorate scoring (absolute, weighted per directorate), ranking and the selection decision. */
@Service
public class PortfolioService {

    /**
     * A project's place in the ranking at a moment.
     *
     * @param total       the total recomputed with {@code weights}, the directorate's weights in force at that moment
     *                    (the score's own total used the weights of its scoring)
     * @param stage       the project's stage today
     * @param selection   the directorate's selection decision taken by that moment, if any
     */
    public record RankedProject(
            int rank,
            long projectId,
            String title,
            String directorateCode,
            String stage,
            double total,
            Weights weights,
            ProjectScore score,
            String selection,
            String selectionRationale,
            String selectedBy) {}

    /** The portfolio's history: every scoring and every weights change, oldest first. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "PortfolioHistory")
    public record History(List<ProjectScore> scores, List<WeightsChange> weights) {}

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

    /** Changes the directorate's weights and keeps the change (who, when, why, the figures); the ranking follows at once. */
    @Transactional
    public Directorate updateWeights(String code, Weights weights, String reason, CurrentUser user) {
        Directorate before = requireDirectorate(code);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw ApiException.invalidField(
                    "reason",
                    "Expliquez pourquoi les poids changent : le classement en dépend, l'historique le garde.");
        }
        if (before.weights().equals(weights)) {
            throw ApiException.conflict("Ce sont déjà les poids de « " + before.name() + " » : rien à changer.");
        }
        repository.changeWeights(code, weights, why, user.username(), EngineClock.now());
        return requireDirectorate(code);
    }

    /** Every change of one directorate's weights (all when null), oldest first. */
    public List<WeightsChange> weightsHistory(String code) {
        if (code != null && !code.isBlank()) {
            requireDirectorate(code);
        }
        return repository.weightsHistory(code == null || code.isBlank() ? null : code);
    }

    /** The history of one project (with its directorate's weights), of one directorate, or of the whole portfolio. */
    public History history(String directorateCode, Long projectId) {
        String code = directorateCode == null || directorateCode.isBlank() ? null : directorateCode;
        if (projectId != null) {
            Project project = projects.require(projectId);
            code = code == null ? project.directorateCode() : code;
        }
        return new History(repository.scoreHistory(projectId, code), weightsHistory(code));
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

    /**
     * Scores (or re-scores) a project waiting for its selection; may be repeated before deciding. A
     * re-scoring is appended with its reason; the earlier scorings stay in the history.
     */
    @Transactional
    public ProjectScore score(long projectId, ScoringRequest r, CurrentUser user) {
        Project project = projects.require(projectId);
        tasks.require(projectId, "scoring", user, "de notation");
        Directorate directorate = requireDirectorate(project.directorateCode());
        String reason =
                r.reason() == null || r.reason().isBlank() ? null : r.reason().strip();
        if (reason == null && repository.score(projectId).isPresent()) {
            throw ApiException.invalidField(
                    "reason",
                    "Ce projet est déjà noté : expliquez pourquoi vous le notez à nouveau (l'historique garde chaque"
                            + " notation).");
        }
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
        Weights w = directorate.weights();
        ProjectScore score = new ProjectScore(
                0,
                projectId,
                directorate.code(),
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
                w.toString(),
                w.value(),
                w.cost(),
                w.feasibility(),
                w.environment(),
                w.risk(),
                user.username(),
                EngineClock.now(),
                reason);
        repository.append(score);
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

    /** The ranking now: every project's latest scoring, the weights in force now. */
    public List<RankedProject> ranking(String directorateCode, String stage) {
        return ranking(directorateCode, stage, null);
    }

    /**
     * The ranking at a moment, recomputed from the histories: each project's latest scoring at that
     * moment, its total recomputed with its directorate's weights in force then, best first (ties: the
     * older project first); the selection decisions taken by then. Filters are optional; the stage is
     * today's. {@code at} null: now, whatever the clock (the latest of everything).
     */
    public List<RankedProject> ranking(String directorateCode, String stage, OffsetDateTime at) {
        Map<Long, Project> byId = projects.all().stream().collect(Collectors.toMap(Project::id, Function.identity()));
        Map<String, List<WeightsChange>> weights =
                repository.weightsHistory(null).stream().collect(Collectors.groupingBy(WeightsChange::directorateCode));
        Map<Long, Double> totals = new java.util.HashMap<>();
        Map<Long, Weights> used = new java.util.HashMap<>();
        List<ProjectScore> scored = repository.scoresAt(at).stream()
                .filter(s -> byId.containsKey(s.projectId()))
                .filter(s -> directorateCode == null
                        || directorateCode.isBlank()
                        || byId.get(s.projectId()).directorateCode().equals(directorateCode))
                .filter(s -> stage == null
                        || stage.isBlank()
                        || byId.get(s.projectId()).stage().name().equals(stage))
                .toList();
        for (ProjectScore s : scored) {
            Weights w = weightsAt(weights.get(s.directorateCode()), at, s.weightsUsed());
            used.put(s.projectId(), w);
            totals.put(
                    s.projectId(),
                    ScoreFormula.total(
                            s.valueScore(),
                            s.costScore(),
                            s.feasibilityScore(),
                            s.environmentScore(),
                            s.riskScore(),
                            RiskTier.valueOf(s.riskTier()),
                            w));
        }
        List<ProjectScore> scores = scored.stream()
                .sorted(Comparator.comparingDouble((ProjectScore s) -> totals.get(s.projectId()))
                        .reversed()
                        .thenComparingLong(ProjectScore::projectId))
                .toList();
        java.util.ArrayList<RankedProject> ranked = new java.util.ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            ProjectScore s = scores.get(i);
            Project p = byId.get(s.projectId());
            var selection = projects.decisions(p.id()).stream()
                    .filter(d -> d.step().equals("SELECTION"))
                    .filter(d -> at == null || !d.decidedAt().isAfter(at))
                    .reduce((a, b) -> b);
            ranked.add(new RankedProject(
                    i + 1,
                    p.id(),
                    p.title(),
                    p.directorateCode(),
                    p.stage().name(),
                    totals.get(s.projectId()),
                    used.get(s.projectId()),
                    s,
                    selection.map(d -> d.decision()).orElse(null),
                    selection.map(d -> d.rationale()).orElse(null),
                    selection.map(d -> d.decidedBy()).orElse(null)));
        }
        return ranked;
    }

    /**
     * The weights in force at the moment (null: now): the last change at or before it. Before the
     * directorate's first recorded change, the weights the scoring itself used (those in force on its day).
     */
    static Weights weightsAt(List<WeightsChange> changes, OffsetDateTime at, Weights scoringsOwn) {
        Weights inForce = scoringsOwn;
        for (WeightsChange c : changes == null ? List.<WeightsChange>of() : changes) {
            if (at == null || !c.changedAt().isAfter(at)) {
                inForce = c.weights();
            }
        }
        return inForce;
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
