package org.tandem.quality.evaluation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUsers;
import org.tandem.platform.usecase.PromptAuthorizations;
import org.tandem.platform.usecase.PromptRegistry;
import org.tandem.platform.usecase.PromptVersion;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.platform.web.ApiException;
import org.tandem.work.TaskAccess;

/**
 * The pre-prompt versions of each use case and their evaluations, for the AI referents and managers: which
 * version serves, which waits, each run's progress and comparison; an AI referent may ask for a new run.
 */
@RestController
class EvaluationController {

    /** A version and where it stands, with its latest run. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "PromptVersionSummary")
    record VersionSummary(
            String label,
            int version,
            String model,
            String status,
            boolean serving,
            boolean inFile,
            Long latestEvaluationId,
            String latestEvaluationStatus,
            int latestEvaluationTotal,
            int latestEvaluationDone,
            String decidedBy,
            String decisionBasis,
            OffsetDateTime decidedAt) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "UseCaseVersions")
    record UseCaseVersions(
            String useCaseKey,
            String name,
            String nameEn,
            boolean unattended,
            int referenceCases,
            String servingLabel,
            List<VersionSummary> versions) {}

    /** @param version the version number to evaluate again, beside the version in service */
    @io.swagger.v3.oas.annotations.media.Schema(name = "EvaluationRequest")
    record EvaluationRequest(
            @NotNull(message = "Indiquez la version à évaluer.")
            @Min(value = 1, message = "La version commence à 1.")
            @Max(value = 1_000_000, message = "Cette version n'existe pas.")
            Integer version) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "EvaluationStarted")
    record EvaluationStarted(long evaluationId) {}

    private final PromptEvaluations evaluations;
    private final PromptRegistry prompts;
    private final PromptAuthorizations authorizations;
    private final UseCaseCatalog useCases;
    private final org.tandem.platform.usecase.QualityCatalog quality;
    private final TaskAccess access;
    private final CurrentUsers currentUsers;
    private final AuthorizeVersionTask authorizeTask;

    EvaluationController(
            PromptEvaluations evaluations,
            PromptRegistry prompts,
            PromptAuthorizations authorizations,
            UseCaseCatalog useCases,
            org.tandem.platform.usecase.QualityCatalog quality,
            TaskAccess access,
            CurrentUsers currentUsers,
            AuthorizeVersionTask authorizeTask) {
        this.evaluations = evaluations;
        this.prompts = prompts;
        this.authorizations = authorizations;
        this.useCases = useCases;
        this.quality = quality;
        this.access = access;
        this.currentUsers = currentUsers;
        this.authorizeTask = authorizeTask;
    }

    @GetMapping("/api/quality/versions")
    @PreAuthorize("hasAnyRole('AI_REFERENT', 'MANAGER')")
    List<UseCaseVersions> versions() {
        return useCases.all().stream().map(this::versions).toList();
    }

    private UseCaseVersions versions(UseCase useCase) {
        int serving = authorizations.servingVersion(useCase.key()).orElse(0);
        int file = prompts.fileVersion(useCase).version();
        var history = authorizations.history(useCase.key());
        var runs = evaluations.ofUseCase(useCase.key(), 200);
        List<VersionSummary> versions = prompts.versions(useCase.key()).stream()
                .map(v -> {
                    var run = runs.stream()
                            .filter(r -> r.candidateVersion() == v.version())
                            .findFirst();
                    var decision = history.stream()
                            .filter(a -> a.version() == v.version())
                            .findFirst();
                    return new VersionSummary(
                            v.label(),
                            v.version(),
                            v.model(),
                            authorizations.status(useCase.key(), v.version()).name(),
                            v.version() == serving,
                            v.version() == file,
                            run.map(EvaluationRepository.Run::id).orElse(null),
                            run.map(EvaluationRepository.Run::status).orElse(null),
                            run.map(EvaluationRepository.Run::totalCases).orElse(0),
                            run.map(EvaluationRepository.Run::doneCases).orElse(0),
                            decision.map(PromptAuthorizations.Authorization::decidedBy)
                                    .orElse(null),
                            decision.map(a -> a.basis().name()).orElse(null),
                            decision.map(PromptAuthorizations.Authorization::decidedAt)
                                    .orElse(null));
                })
                .toList();
        return new UseCaseVersions(
                useCase.key(),
                useCase.name().fr(),
                useCase.name().en(),
                useCase.chatbot() != null,
                quality.settings(useCase.key()).referenceCases(),
                serving == 0 ? null : PromptVersion.label(useCase.key(), serving),
                versions);
    }

    @GetMapping("/api/quality/evaluations/{id}")
    @PreAuthorize("hasAnyRole('AI_REFERENT', 'MANAGER')")
    Comparison evaluation(@PathVariable long id) {
        return evaluations.comparison(id);
    }

    /** What the AI referent reads on the authorisation task. */
    @GetMapping("/api/tasks/{id}/prompt-evaluation")
    @PreAuthorize("hasRole('AI_REFERENT')")
    Comparison ofTask(@PathVariable String id) {
        Task task = access.requireVisible(id, currentUsers.current());
        if (!PromptAuthorizations.AUTHORIZE_TASK.equals(task.getTaskDefinitionKey())) {
            throw ApiException.notFound("Cette tâche n'est pas l'autorisation d'une version de pré-prompt.");
        }
        return evaluations.comparison(authorizeTask.evaluationId(task));
    }

    @PostMapping("/api/quality/use-cases/{key}/evaluations")
    @PreAuthorize("hasRole('AI_REFERENT')")
    ResponseEntity<EvaluationStarted> request(@PathVariable String key, @Valid @RequestBody EvaluationRequest request) {
        if (useCases.find(key).isEmpty()) {
            throw ApiException.notFound("Le cas d'usage « " + key + " » n'existe pas.");
        }
        PromptVersion.Label label = new PromptVersion.Label(key, request.version());
        if (evaluations.version(label).isEmpty()) {
            throw ApiException.invalidField("version", "La version « " + label + " » n'existe pas.");
        }
        if (evaluations.openRun(label).isPresent()) {
            throw ApiException.conflict(
                    "Une évaluation de la version « " + label + " » est déjà en cours ou attend sa décision.");
        }
        if (authorizations.status(key, request.version()) == PromptAuthorizations.Status.REFUSED) {
            throw ApiException.conflict("La version « " + label
                    + " » a été refusée : modifiez le pré-prompt, une nouvelle version sera évaluée.");
        }
        long id = evaluations.request(label, currentUsers.current().username());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new EvaluationStarted(id));
    }
}
