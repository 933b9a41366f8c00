package org.tandem.content.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** What AiShareTest leaves out: words count only when kept in order and as written, punctuation counts, the share stays in [0, 1]. */
class AiShareOrderTest {

    @Test
    void wordsMovedOutOfOrderAreNoLongerTheAis() {
        String draft = "premier paragraphe. second paragraphe.";
        String swapped = "second paragraphe. premier paragraphe.";
        assertThat(AiShare.of(draft, swapped)).isLessThan(1.0).isGreaterThan(0.0);
    }

    @Test
    void aWordWhoseCaseChangedWasRewritten() {
        assertThat(AiShare.of("madame", "Madame")).isZero();
    }

    @Test
    void punctuationMarksAreWordsOfOneCharacter() {
        // "Merci" (5) kept, "!" (1) replaced by "." (1): 5 of 6 characters
        assertThat(AiShare.of("Merci !", "Merci .")).isCloseTo(5 / 6.0, within(1e-9));
        assertThat(AiShare.words("l'assuré, 12 €")).containsExactly("l", "'", "assuré", ",", "12", "€");
    }

    @Test
    void aFinalTextShorterThanTheDraftIsEntirelyTheAisWhenItKeepsItsWords() {
        assertThat(AiShare.of("Nous vous remercions vivement de votre message.", "Nous vous remercions."))
                .isEqualTo(1.0);
    }
}
