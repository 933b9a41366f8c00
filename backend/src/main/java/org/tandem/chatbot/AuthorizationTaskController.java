package org.tandem.chatbot;

import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUsers;
import org.tandem.platform.usecase.PromptRegistry;
import org.tandem.platform.usecase.PromptVersion;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.platform.web.ApiException;
import org.tandem.work.TaskAccess;

/** What an AI referent reads before authorising unattended answers: the pre-prompt version and its use case. */
@RestController
class AuthorizationTaskController {

    /** @param promptVersion the version's label, e.g. member-chatbot@v2 (the process's business key) */
    record AuthorizationRequest(
            String taskId,
            String promptVersion,
            String useCaseKey,
            String useCaseName,
            String useCaseNameEn,
            int version,
            String prePrompt) {}

    private final TaskAccess access;
    private final PromptRegistry prompts;
    private final UseCaseCatalog useCases;
    private final CurrentUsers currentUsers;

    AuthorizationTaskController(
            TaskAccess access, PromptRegistry prompts, UseCaseCatalog useCases, CurrentUsers currentUsers) {
        this.access = access;
        this.prompts = prompts;
        this.useCases = useCases;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/tasks/{id}/authorization")
    @PreAuthorize("hasRole('AI_REFERENT')")
    AuthorizationRequest authorization(@PathVariable String id) {
        Task task = access.requireVisible(id, currentUsers.current());
        if (!UnattendedAuthorizations.TASK_KEY.equals(task.getTaskDefinitionKey())) {
            throw ApiException.notFound("Cette tâche n'est pas une autorisation de réponses automatiques.");
        }
        String label = access.businessKey(task);
        PromptVersion version;
        try {
            version = prompts.byLabel(label);
        } catch (EmptyResultDataAccessException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw ApiException.notFound("La version de pré-prompt « " + label + " » est introuvable : "
                    + "prévenez l'administrateur avant de décider.");
        }
        var useCase = useCases.find(version.useCaseKey());
        return new AuthorizationRequest(
                task.getId(),
                label,
                version.useCaseKey(),
                useCase.map(u -> u.name().fr()).orElse(version.useCaseKey()),
                useCase.map(u -> u.name().en()).orElse(null),
                version.version(),
                version.prePrompt());
    }
}
