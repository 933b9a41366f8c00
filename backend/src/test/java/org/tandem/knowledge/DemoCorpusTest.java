package org.tandem.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tandem.demo.DemoKnowledge;

/** The demo corpus as files: every document parses, has a sensible size, and some are stale on purpose. */
class DemoCorpusTest {

    @Test
    void everyDocumentParsesWithItsFrontMatter() {
        List<DocumentInput> corpus = DemoKnowledge.corpus();
        assertThat(corpus).hasSizeBetween(15, 25);
        assertThat(corpus.stream().map(DocumentInput::collection).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("produits", "sinistres", "prevention", "charte-ia");
        assertThat(corpus).extracting(DocumentInput::reference).doesNotHaveDuplicates();
        assertThat(corpus).allSatisfy(d -> {
            assertThat(PassageSplitter.words(d.body())).as(d.reference()).isBetween(300, 900);
            assertThat(d.reference()).matches("[A-Z0-9][A-Z0-9-]{1,63}");
            assertThat(PassageSplitter.split(d.body()))
                    .as(d.reference())
                    .allSatisfy(p ->
                            assertThat(PassageSplitter.words(p.text())).isLessThanOrEqualTo(PassageSplitter.MAX_WORDS));
        });
        LocalDate today = LocalDate.now();
        Set<String> stale = corpus.stream()
                .filter(d -> d.lastReviewed().plusDays(d.reviewIntervalDays()).isBefore(today))
                .map(DocumentInput::reference)
                .collect(Collectors.toSet());
        assertThat(stale).contains("PROD-SANTE-02", "SIN-AUTO-01", "IA-CHARTE-03");
        assertThat(stale.size()).isLessThan(corpus.size() / 2);
    }

    @Test
    void aFileWithoutFrontMatterIsRefusedWithItsName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KnowledgeMarkdown.parse("x.md", "# Titre\n\nTexte"))
                .hasMessageContaining("x.md");
    }
}
