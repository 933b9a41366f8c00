package org.tandem.content.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AiShareTest {

    private static final String DRAFT =
            "Madame, Monsieur, nous avons bien reçu votre message et nous vous en remercions.";

    @Test
    void anUnchangedDraftIsEntirelyTheAis() {
        assertThat(AiShare.of(DRAFT, DRAFT)).isEqualTo(1.0);
    }

    @Test
    void aTextWrittenFromScratchOwesNothingToTheAi() {
        assertThat(AiShare.of(DRAFT, "Bonjour Camille, votre carte verte part demain."))
                .isLessThan(0.3);
    }

    @Test
    void anAddedSentenceLowersTheShareInProportionToItsLength() {
        String added = " Un virement partira demain.";
        double share = AiShare.of(DRAFT, DRAFT + added);
        double expected = (double) letters(DRAFT) / (letters(DRAFT) + letters(added));
        assertThat(share).isCloseTo(expected, within(0.01));
    }

    @Test
    void whitespaceAndLineBreaksDoNotCount() {
        assertThat(AiShare.of(DRAFT, DRAFT.replace(" ", "\n  "))).isEqualTo(1.0);
    }

    @Test
    void noDraftOrNoTextMeansNoShare() {
        assertThat(AiShare.of(null, "x")).isZero();
        assertThat(AiShare.of(DRAFT, "")).isZero();
        assertThat(AiShare.of("", "texte")).isZero();
    }

    @Test
    void aSmallEditInALongLetterKeepsAHighShare() {
        String longDraft = (DRAFT + " ").repeat(250);
        double share = AiShare.of(longDraft, longDraft.replace("remercions", "remercions vivement"));
        assertThat(share).isBetween(0.85, 0.95);
    }

    private static long letters(String s) {
        return AiShare.words(s).stream().mapToLong(String::length).sum();
    }
}
