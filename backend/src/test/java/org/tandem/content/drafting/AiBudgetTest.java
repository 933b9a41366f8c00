package org.tandem.content.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tandem.platform.usecase.UseCase;

class AiBudgetTest {

    private static UseCase useCase(UseCase.AiSettings ai) {
        return new UseCase(
                "reply-letter",
                new UseCase.Text("Courrier", "Letter"),
                null,
                "assistant",
                "draft-text",
                "g",
                "g",
                false,
                2,
                UseCase.RejectOutcome.END,
                ai,
                null,
                null,
                "pré-prompt",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void aSwitchedOffUseCaseNeverCallsTheModel() {
        var budget = new AiBudget(null);
        assertThat(budget.refusal(useCase(new UseCase.AiSettings(false, null, null))))
                .hasValue("l'IA est désactivée pour le cas d'usage « Courrier »");
    }

    @Test
    void noBudgetMeansNoLimit() {
        assertThat(new AiBudget(null).refusal(useCase(null))).isEmpty();
    }
}
