package org.tandem.quality.evaluation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tandem.platform.usecase.PromptAuthorizations;
import org.tandem.platform.usecase.PromptRegistry;
import org.tandem.platform.usecase.PromptVersion;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;

/**
 * At start-up, asks for the evaluations nobody asked for yet: one for each use case file's version awaiting
 * its decision, and, for a use case answering unattended (the chatbot), one for a version in service that no
 * person authorised (neither after an evaluation nor through the former unattended-authorization process).
 */
@Component
class MissingEvaluations {

    private static final Logger log = LoggerFactory.getLogger(MissingEvaluations.class);

    private final PromptEvaluations evaluations;
    private final PromptRegistry prompts;
    private final PromptAuthorizations authorizations;
    private final UseCaseCatalog useCases;

    MissingEvaluations(
            PromptEvaluations evaluations,
            PromptRegistry prompts,
            PromptAuthorizations authorizations,
            UseCaseCatalog useCases) {
        this.evaluations = evaluations;
        this.prompts = prompts;
        this.authorizations = authorizations;
        this.useCases = useCases;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void requestMissing() {
        for (UseCase useCase : useCases.all()) {
            try {
                PromptVersion.Label file =
                        PromptVersion.parse(prompts.fileVersion(useCase).label());
                if (authorizations.status(useCase.key(), file.version()) == PromptAuthorizations.Status.PENDING
                        && !evaluations.everEvaluated(file)) {
                    evaluations.request(file, "system");
                }
                if (useCase.chatbot() != null) {
                    PromptVersion.Label serving =
                            PromptVersion.parse(prompts.current(useCase).label());
                    if (authorizations.personAuthorization(serving.toString()).isEmpty()
                            && !evaluations.everEvaluated(serving)
                            && !evaluations.legacyAuthorizationRequested(serving.toString())) {
                        evaluations.request(serving, "system");
                    }
                }
            } catch (RuntimeException e) {
                log.error("Could not request the evaluation of the pre-prompt of {}", useCase.key(), e);
            }
        }
    }
}
