package org.tandem.content;

import org.tandem.platform.usecase.UseCase;

/**
 * A kind of answer a use case asks of the AI other than a text, such as the fields of an
 * extraction: how the request is put to the model, and how the offline drafter answers it when no
 * model is configured. Contributed by the module that serves such use cases; a use case no kind
 * serves gets a drafted text.
 */
public interface AnswerKind {

    boolean serves(UseCase useCase);

    /** The user message of the AI step, the member's text fenced as data as the offline drafter reads it back. */
    String userPrompt(UseCase useCase, String subject, String message);

    /** The offline drafter's answer to the member's message, without any model. */
    String offlineAnswer(UseCase useCase, String message);
}
