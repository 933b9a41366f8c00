package org.tandem.quality.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The dataset's word diff: both texts can be rebuilt from it, and a local edit stays local. */
class WordDiffTest {

    @Test
    void aLocalEditIsOneRemovalAndOneAdditionBetweenKeptText() {
        List<WordDiff.Op> ops =
                WordDiff.of("Nous avons le plaisir de vous répondre.", "Nous sommes heureux de vous répondre.");
        assertThat(ops)
                .containsExactly(
                        new WordDiff.Op("=", "Nous "),
                        new WordDiff.Op("-", "avons le plaisir "),
                        new WordDiff.Op("+", "sommes heureux "),
                        new WordDiff.Op("=", "de vous répondre."));
    }

    @Test
    void bothTextsAreRebuiltFromTheDiffWhitespaceIncluded() {
        String before = "Madame,\n\nVotre dossier n° 12 est complet.\nCordialement,\nVotre conseiller";
        String after = "Madame,\n\nVotre dossier est complet depuis le 3 mars.\n\nBien cordialement,\nVotre conseiller";
        List<WordDiff.Op> ops = WordDiff.of(before, after);
        assertThat(WordDiff.side(ops, "-")).isEqualTo(before);
        assertThat(WordDiff.side(ops, "+")).isEqualTo(after);
        assertThat(WordDiff.of(before, before)).containsExactly(new WordDiff.Op("=", before));
    }
}
