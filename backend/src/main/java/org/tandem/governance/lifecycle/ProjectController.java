package org.tandem.governance.lifecycle;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUsers;

/**
 * Projects, their steps and their rollout. Each step checks the role here and, through
 * {@link ProjectTasks}, that the person is a candidate of the step's open task.
 */
@RestController
@RequestMapping("/api/projects")
class ProjectController {

    static final String STAFF = "hasAnyRole('AI_REFERENT', 'DIRECTORATE', 'ETHICS', 'MANAGER')";

    record TextRequest(String text) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "ExperimentDecisionRequest")
    record DecisionRequest(
            @NotNull(message = "Choisissez une décision.") ExperimentService.Decision decision, String rationale) {}

    record EthicsRequest(
            List<EthicsService.CriterionVerdict> verdicts, EthicsService.Outcome outcome, String conditions) {}

    record BreachRequest(
            @NotNull(message = "Choisissez : reprendre ou arrêter.")
            Boolean resume,

            String rationale) {}

    record ReviewRequest(
            @NotNull(message = "Choisissez : continuer l'usage ou le retirer.")
            Boolean retire,

            String rationale) {}

    record KillRequest(
            @NotNull(message = "Indiquez s'il faut couper ou rétablir l'IA.")
            Boolean killed,

            String reason) {}

    record SurveyRequest(
            @NotNull(message = "Répondez de 1 à 5.") Integer comfort, Double minutesSaved) {}

    record SatisfactionRequest(
            @NotNull(message = "Notez de 1 à 5.") Integer score) {}

    private final ProjectRepository projects;
    private final ProjectService projectService;
    private final EthicsService ethics;
    private final ExperimentService experiments;
    private final RolloutService rollout;
    private final CurrentUsers currentUsers;

    ProjectController(
            ProjectRepository projects,
            ProjectService projectService,
            EthicsService ethics,
            ExperimentService experiments,
            RolloutService rollout,
            CurrentUsers currentUsers) {
        this.projects = projects;
        this.projectService = projectService;
        this.ethics = ethics;
        this.experiments = experiments;
        this.rollout = rollout;
        this.currentUsers = currentUsers;
    }

    @GetMapping
    @PreAuthorize(STAFF)
    List<Project> all() {
        return projects.all();
    }

    @GetMapping("/{id}")
    @PreAuthorize(STAFF)
    ProjectService.ProjectView one(@PathVariable long id) {
        return projectService.view(id);
    }

    @GetMapping("/ethics-criteria")
    @PreAuthorize("isAuthenticated()")
    List<Map<String, String>> criteria() {
        return Arrays.stream(EthicsCriterion.values())
                .map(c -> Map.of("criterion", c.name(), "label", c.label()))
                .toList();
    }

    @GetMapping("/kpi-metrics")
    @PreAuthorize("isAuthenticated()")
    List<Map<String, String>> metrics() {
        return Arrays.stream(KpiMetric.values())
                .map(m -> Map.of(
                        "metric",
                        m.name(),
                        "label",
                        m.label(),
                        "unit",
                        m.unit(),
                        "direction",
                        m.direction().name()))
                .toList();
    }

    @PostMapping("/{id}/necessity")
    @PreAuthorize("isAuthenticated() and !hasRole('SERVICE')")
    Project necessity(@PathVariable long id, @RequestBody TextRequest request) {
        // the referent or the idea's author (a candidate user of the task): ProjectTasks checks which
        return projectService.recordNecessity(id, request.text(), currentUsers.current());
    }

    @PostMapping("/{id}/ethics")
    @PreAuthorize("hasRole('ETHICS')")
    EthicsService.Review ethics(@PathVariable long id, @RequestBody EthicsRequest request) {
        return ethics.record(id, request.verdicts(), request.outcome(), request.conditions(), currentUsers.current());
    }

    @PostMapping("/{id}/rework")
    @PreAuthorize("hasRole('AI_REFERENT')")
    Project rework(@PathVariable long id, @RequestBody TextRequest request) {
        return projectService.rework(id, request.text(), currentUsers.current());
    }

    @PostMapping("/{id}/experiment")
    @PreAuthorize("hasRole('MANAGER')")
    Map<String, Object> setUp(@PathVariable long id, @Valid @RequestBody ExperimentSetup setup) {
        experiments.setUp(id, setup, currentUsers.current());
        return Map.of("projectId", id);
    }

    @GetMapping("/{id}/experiment")
    @PreAuthorize(STAFF)
    ExperimentService.Dashboard dashboard(@PathVariable long id) {
        return experiments.dashboard(id);
    }

    @PostMapping("/{id}/experiment/decision")
    @PreAuthorize("hasRole('MANAGER')")
    Map<String, Object> decide(@PathVariable long id, @Valid @RequestBody DecisionRequest request) {
        experiments.decide(id, request.decision(), request.rationale(), currentUsers.current());
        return Map.of("projectId", id, "decision", request.decision().name());
    }

    /** Any employee taking part may give feedback. */
    @PostMapping("/{id}/feedback")
    @PreAuthorize("isAuthenticated() and !hasRole('SERVICE')")
    Map<String, Object> feedback(@PathVariable long id, @RequestBody TextRequest request) {
        experiments.addFeedback(id, request.text(), currentUsers.current());
        return Map.of("projectId", id);
    }

    @GetMapping("/{id}/waves")
    @PreAuthorize(STAFF)
    List<RolloutService.Wave> waves(@PathVariable long id) {
        return rollout.waves(id);
    }

    @PostMapping("/{id}/waves")
    @PreAuthorize("hasRole('MANAGER')")
    RolloutService.Wave addWave(@PathVariable long id, @RequestBody RolloutService.WaveInput input) {
        return rollout.addWave(id, input, currentUsers.current());
    }

    @PostMapping("/{id}/rollout-plan/complete")
    @PreAuthorize("hasRole('MANAGER')")
    Map<String, Object> completePlanning(@PathVariable long id) {
        rollout.completePlanning(id, currentUsers.current());
        return Map.of("projectId", id);
    }

    @PostMapping("/{id}/waves/{waveId}/start")
    @PreAuthorize("hasAnyRole('MANAGER', 'AI_REFERENT')")
    Map<String, Object> startWave(@PathVariable long id, @PathVariable long waveId) {
        rollout.startNow(id, waveId, currentUsers.current());
        return Map.of("waveId", waveId);
    }

    @PostMapping("/{id}/waves/{waveId}/training/{username}")
    @PreAuthorize("hasRole('AI_REFERENT')")
    RolloutService.Wave trained(@PathVariable long id, @PathVariable long waveId, @PathVariable String username) {
        return rollout.recordTraining(id, waveId, username, currentUsers.current());
    }

    @PostMapping("/{id}/waves/{waveId}/training/complete")
    @PreAuthorize("hasRole('AI_REFERENT')")
    Map<String, Object> trainingComplete(@PathVariable long id, @PathVariable long waveId) {
        rollout.completeTraining(id, waveId, currentUsers.current());
        return Map.of("waveId", waveId);
    }

    @PostMapping("/{id}/waves/{waveId}/breach")
    @PreAuthorize("hasRole('MANAGER')")
    Map<String, Object> breach(@PathVariable long id, @PathVariable long waveId, @Valid @RequestBody BreachRequest r) {
        rollout.decideBreach(id, waveId, r.resume(), r.rationale(), currentUsers.current());
        return Map.of("waveId", waveId);
    }

    @PostMapping("/{id}/waves/{waveId}/close")
    @PreAuthorize("hasAnyRole('MANAGER', 'AI_REFERENT')")
    Map<String, Object> closeWave(@PathVariable long id, @PathVariable long waveId) {
        rollout.close(id, waveId, currentUsers.current());
        return Map.of("waveId", waveId);
    }

    @PostMapping("/{id}/review")
    @PreAuthorize("hasRole('MANAGER')")
    Map<String, Object> review(@PathVariable long id, @Valid @RequestBody ReviewRequest r) {
        rollout.periodicReview(id, r.retire(), r.rationale(), currentUsers.current());
        return Map.of("projectId", id);
    }

    @PostMapping("/use-cases/{useCaseKey}/kill-switch")
    @PreAuthorize("hasAnyRole('MANAGER', 'AI_REFERENT')")
    Map<String, Object> killUseCase(@PathVariable String useCaseKey, @Valid @RequestBody KillRequest r) {
        rollout.killUseCase(useCaseKey, r.killed(), r.reason(), currentUsers.current());
        return Map.of("useCaseKey", useCaseKey, "killed", r.killed());
    }

    @PostMapping("/use-cases/{useCaseKey}/entities/{entityCode}/kill-switch")
    @PreAuthorize("hasAnyRole('MANAGER', 'AI_REFERENT')")
    Map<String, Object> killEntity(
            @PathVariable String useCaseKey, @PathVariable String entityCode, @Valid @RequestBody KillRequest r) {
        rollout.killEntity(useCaseKey, entityCode, r.killed(), r.reason(), currentUsers.current());
        return Map.of("useCaseKey", useCaseKey, "entityCode", entityCode, "killed", r.killed());
    }

    @PostMapping("/cases/{caseId}/survey")
    @PreAuthorize("hasAnyRole('ADVISER', 'EXPERT')")
    Map<String, Object> survey(@PathVariable long caseId, @Valid @RequestBody SurveyRequest r) {
        experiments.answerSurvey(caseId, r.comfort(), r.minutesSaved(), currentUsers.current());
        return Map.of("caseId", caseId);
    }

    @PostMapping("/cases/{caseId}/satisfaction")
    @PreAuthorize("hasRole('ADVISER')")
    Map<String, Object> satisfaction(@PathVariable long caseId, @Valid @RequestBody SatisfactionRequest r) {
        experiments.recordSatisfaction(caseId, r.score(), currentUsers.current());
        return Map.of("caseId", caseId);
    }
}
