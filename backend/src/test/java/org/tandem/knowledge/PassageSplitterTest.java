package org.tandem.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassageSplitterTest {

    private static String sentences(String prefix, int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            s.append(prefix).append(" numéro ").append(i).append(" précise une règle du contrat pour le sociétaire. ");
        }
        return s.toString().strip();
    }

    @Test
    void cutsAtHeadingsKeepsTheHeadingPathAndGroupsParagraphs() {
        String body = "# Titre du document\n\nIntroduction courte.\n\n## Déclarer\n\n" + sentences("La phrase", 10)
                + "\n\n" + sentences("La suivante", 10)
                + "\n\n### Pièces\n\n- l'acte\n- la facture\n\n## Indemniser\n\n"
                + sentences("Le paragraphe", 40);
        List<PassageSplitter.Passage> passages = PassageSplitter.split(body);

        assertThat(passages.get(0).heading()).isNull();
        assertThat(passages.get(0).text()).isEqualTo("Introduction courte.");
        assertThat(passages)
                .extracting(PassageSplitter.Passage::heading)
                .contains("Déclarer", "Déclarer › Pièces", "Indemniser");
        assertThat(passages)
                .filteredOn(p -> "Déclarer › Pièces".equals(p.heading()))
                .singleElement()
                .satisfies(p -> assertThat(p.text()).isEqualTo("- l'acte\n- la facture"));
        // two paragraphs of 120 words: together they would pass the target of 180, so one passage each
        assertThat(passages)
                .filteredOn(p -> "Déclarer".equals(p.heading()))
                .extracting(p -> PassageSplitter.words(p.text()))
                .containsExactly(120, 120);
        // a 480-word paragraph is cut between sentences
        List<PassageSplitter.Passage> long_ =
                passages.stream().filter(p -> "Indemniser".equals(p.heading())).toList();
        assertThat(long_).hasSizeGreaterThan(1).allSatisfy(p -> {
            assertThat(PassageSplitter.words(p.text())).isBetween(80, 250);
            assertThat(p.text()).endsWith(".");
        });
        assertThat(passages)
                .extracting(PassageSplitter.Passage::ordinal)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, passages.size())
                        .boxed()
                        .toList());
    }

    @Test
    void aShortTailJoinsThePassageBeforeIt() {
        String body = "## Section\n\n" + sentences("Une", 15) + "\n\n" + sentences("Deux", 2);
        List<PassageSplitter.Passage> passages = PassageSplitter.split(body);
        assertThat(passages)
                .singleElement()
                .satisfies(p -> assertThat(PassageSplitter.words(p.text())).isEqualTo(187));
    }
}
