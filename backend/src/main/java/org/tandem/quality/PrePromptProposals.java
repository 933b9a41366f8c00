package org.tandem.quality;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.usecase.PromptAuthorizations;
import org.tandem.platform.usecase.PromptRegistry;
import org.tandem.platform.usecase.PromptVersion;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.platform.web.ApiException;
import org.tandem.quality.evaluation.PromptEvaluations;

/**
 * A pre-prompt proposed for a use case without changing its file (the demo's candidate for the AI referent):
 * recorded as a new version that waits, its evaluation on the reference set requested at once, so that an AI
 * referent finds it to authorise or refuse, with its evidence, like a version that came from the file.
 */
@Service
public class PrePromptProposals {

    private final PromptRegistry prompts;
    private final PromptAuthorizations authorizations;
    private final PromptEvaluations evaluations;
    private final UseCaseCatalog useCases;

    PrePromptProposals(
            PromptRegistry prompts,
            PromptAuthorizations authorizations,
            PromptEvaluations evaluations,
            UseCaseCatalog useCases) {
        this.prompts = prompts;
        this.authorizations = authorizations;
        this.evaluations = evaluations;
        this.useCases = useCases;
    }

    /** @return the proposed version; its evaluation is requested unless it already serves or was decided */
    @Transactional
    public PromptVersion propose(String useCaseKey, String prePrompt, String requestedBy) {
        UseCase useCase = useCases.find(useCaseKey)
                .orElseThrow(() -> ApiException.notFound("Le cas d'usage « " + useCaseKey + " » n'existe pas."));
        PromptVersion version =
                prompts.register(useCase.key(), prePrompt, useCase.aiSettings().model());
        if (authorizations.status(useCase.key(), version.version()) == PromptAuthorizations.Status.PENDING) {
            evaluations.request(PromptVersion.parse(version.label()), requestedBy);
        }
        return version;
    }
}
