package org.tandem.platform.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a use case means when its file leaves a setting out or sets it out of range. */
class UseCaseTest {

    private static UseCase withKnowledge(List<String> collections, Integer passages) {
        return new UseCase(
                "u",
                new UseCase.Text("Cas", "Case"),
                null,
                null,
                "draft-text",
                "experts",
                "experts",
                false,
                null,
                null,
                null,
                "  ",
                null,
                "Tu rédiges.",
                null,
                null,
                null,
                collections,
                passages,
                null,
                null,
                null,
                null);
    }

    @Test
    void theAiStepIsGivenFivePassagesByDefaultAndAtMostTen() {
        assertThat(withKnowledge(List.of("produits"), null).passageCount()).isEqualTo(5);
        assertThat(withKnowledge(List.of("produits"), 3).passageCount()).isEqualTo(3);
        assertThat(withKnowledge(List.of("produits"), 40).passageCount()).isEqualTo(10);
        assertThat(withKnowledge(List.of("produits"), -2).passageCount()).isZero();
        assertThat(withKnowledge(null, 4).passageCount())
                .as("no collection, no passage")
                .isZero();
    }

    @Test
    void aBlankProcessMeansTheContentProcess() {
        assertThat(withKnowledge(null, null).processKey()).isEqualTo("content");
    }

    @Test
    void theCollectionsCannotBeChangedAfterLoading() {
        var collections = new java.util.ArrayList<>(List.of("produits"));
        UseCase u = withKnowledge(collections, null);
        collections.add("sinistres");
        assertThat(u.knowledgeCollections()).containsExactly("produits");
    }

    @Test
    void aSmallerModelFallbackWithoutAModelMeansPeopleWrite() {
        var noModel = new UseCase.AiSettings(
                true, null, null, UseCase.BudgetFallback.SMALLER_MODEL, " ", null, null, null, null, null);
        assertThat(noModel.budgetFallback()).isEqualTo(UseCase.BudgetFallback.HAND_DRAFT);
        var withModel = new UseCase.AiSettings(
                true, null, null, UseCase.BudgetFallback.SMALLER_MODEL, "small", "large", null, null, null, null);
        assertThat(withModel.budgetFallback()).isEqualTo(UseCase.BudgetFallback.SMALLER_MODEL);
        assertThat(withModel.modelSettings(null).model()).isEqualTo("large");
        assertThat(withModel.modelSettings("small").model()).isEqualTo("small");
    }

    @Test
    void onlyAnExplicitFalseSwitchesTheAiOff() {
        assertThat(new UseCase.AiSettings(null, null, null).isEnabled()).isTrue();
        assertThat(new UseCase.AiSettings(false, null, null).isEnabled()).isFalse();
    }

    @Test
    void aFieldIsRequiredUnlessMarkedOptional() {
        assertThat(new UseCase.FieldSpec("a", "A", UseCase.FieldType.string, null).isOptional())
                .isFalse();
        assertThat(new UseCase.FieldSpec("a", "A", UseCase.FieldType.string, true).isOptional())
                .isTrue();
    }

    @Test
    void aPromptVersionIsLabelledByUseCaseAndNumber() {
        assertThat(new PromptVersion("reply-letter", 3, "…").label()).isEqualTo("reply-letter@v3");
    }
}
