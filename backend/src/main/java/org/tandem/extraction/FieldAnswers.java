package org.tandem.extraction;

import org.springframework.stereotype.Component;
import org.tandem.content.AnswerKind;
import org.tandem.platform.usecase.UseCase;

/**
 * An extraction's answer is the fields of its use case's schema: the model is asked for them as
 * JSON, the document fenced as data; with no model configured, the use case's patterns fill them.
 */
@Component
public class FieldAnswers implements AnswerKind {

    @Override
    public boolean serves(UseCase useCase) {
        return useCase.extracts();
    }

    @Override
    public String userPrompt(UseCase useCase, String subject, String message) {
        return ExtractionPrompt.render(useCase, subject, message);
    }

    @Override
    public String offlineAnswer(UseCase useCase, String message) {
        return OfflineExtractor.extract(useCase, message);
    }
}
