package org.tandem.quality.evaluation;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tandem.platform.usecase.PromptAuthorizations;
import org.tandem.platform.usecase.PromptVersion;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.work.TaskSubjects;

/** The task list's « objet » of a pre-prompt's authorisation: which use case and which version, not the task's name again. */
@Component
class EvaluationTaskSubjects implements TaskSubjects {

    private final UseCaseCatalog useCases;

    EvaluationTaskSubjects(UseCaseCatalog useCases) {
        this.useCases = useCases;
    }

    @Override
    public Optional<String> subject(String processKey, String businessKey) {
        if (!PromptAuthorizations.EVALUATION_PROCESS.equals(processKey) || businessKey == null) {
            return Optional.empty();
        }
        try {
            PromptVersion.Label label = PromptVersion.parse(businessKey);
            String name = useCases.find(label.useCaseKey())
                    .map(UseCase::name)
                    .map(n -> n.fr())
                    .orElse(label.useCaseKey());
            return Optional.of(name + " — pré-prompt v" + label.version());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
