package org.tandem.content.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The edit ratios of the experiments' KPIs: Levenshtein distances over the longer text, in characters and in words. */
class EditMeasureTest {

    private static final String DRAFT = "Nous avons bien reçu votre message et nous vous en remercions.";

    @Test
    void anUnchangedTextWasNotEdited() {
        assertThat(EditMeasure.characters(DRAFT, DRAFT)).isZero();
        assertThat(EditMeasure.words(DRAFT, DRAFT)).isZero();
        assertThat(EditMeasure.characters("", "")).isZero();
        assertThat(EditMeasure.words("", "")).isZero();
    }

    @Test
    void aMissingTextCountsAsEntirelyRewritten() {
        assertThat(EditMeasure.characters(null, DRAFT)).isEqualTo(1.0);
        assertThat(EditMeasure.characters(DRAFT, null)).isEqualTo(1.0);
        assertThat(EditMeasure.words(null, DRAFT)).isEqualTo(1.0);
        assertThat(EditMeasure.words(DRAFT, null)).isEqualTo(1.0);
    }

    @Test
    void oneCharacterInTenIsATenthInCharacters() {
        assertThat(EditMeasure.characters("abcdefghij", "abcdXfghij")).isEqualTo(0.1);
        // inserting: the distance is over the longer text
        assertThat(EditMeasure.characters("abcdefghi", "abcdefghij")).isEqualTo(0.1);
        assertThat(EditMeasure.characters("", "abc")).isEqualTo(1.0);
    }

    @Test
    void anAccentedLetterOrAnEmojiIsOneCharacter() {
        assertThat(EditMeasure.characters("resume", "résumé")).isCloseTo(2 / 6.0, within(1e-9));
        assertThat(EditMeasure.characters("merci 🙂", "merci 🙁")).isCloseTo(1 / 7.0, within(1e-9));
    }

    @Test
    void oneWordInFourIsAQuarterInWords() {
        assertThat(EditMeasure.words("nous vous remercions vivement", "nous vous remercions beaucoup"))
                .isEqualTo(0.25);
        // a word ratio ignores spaces and line breaks, a character ratio does not
        assertThat(EditMeasure.words("Madame, Monsieur", "Madame,\n\nMonsieur")).isZero();
        assertThat(EditMeasure.characters("Madame, Monsieur", "Madame,\n\nMonsieur"))
                .isGreaterThan(0);
    }

    @Test
    void aTextWrittenAnewIsAlmostEntirelyEdited() {
        assertThat(EditMeasure.words(DRAFT, "Votre carte verte part demain par la poste."))
                .isGreaterThan(0.9);
        assertThat(EditMeasure.characters("aaaa", "bbbb")).isEqualTo(1.0);
    }

    @Test
    void skippingTheCommonEndsGivesThePlainLevenshteinRatio() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            String a = randomText(random);
            String b = randomText(random);
            double expected = (double) levenshtein(a, b) / Math.max(1, Math.max(a.length(), b.length()));
            assertThat(EditMeasure.characters(a, b)).as("%s → %s", a, b).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void aLocalEditOfALongLetterCostsLittle() {
        String letter = (DRAFT + "\n").repeat(300);
        String edited = letter.replaceFirst("remercions", "remercions vivement");
        assertThat(EditMeasure.characters(letter, edited)).isLessThan(0.001);
        assertThat(EditMeasure.words(letter, edited)).isLessThan(0.001);
    }

    @Test
    void beyondTheCellLimitTheCharacterRatioIsTheWordRatio() {
        // two 6,000-character texts that differ from the first to the last character: 36 M cells
        String a = "a" + "mot ".repeat(1500) + "a";
        String b = "b" + "nom ".repeat(1500) + "b";
        assertThat((long) a.length() * b.length()).isGreaterThan(EditMeasure.MAX_CELLS);
        assertThat(EditMeasure.characters(a, b)).isEqualTo(EditMeasure.words(a, b));
    }

    private static String randomText(Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            s.append("abé ".charAt(random.nextInt(4)));
        }
        return s.toString();
    }

    private static int levenshtein(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int same = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + same, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
            }
        }
        return d[a.length()][b.length()];
    }
}
