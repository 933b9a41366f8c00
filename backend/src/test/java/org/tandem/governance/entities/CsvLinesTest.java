package org.tandem.governance.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CSV reading and the entity rules the import and the API share, without a database. */
class CsvLinesTest {

    @Test
    void linesKeepTheirNumberAsAnEditorShowsIt() throws Exception {
        List<CsvLines.Line> lines =
                CsvLines.parse("\uFEFF# commentaire\r\n\r\na;b;c\r\n  # encore\n d ; \"e;f\" ; \"g \"\"h\"\"\" \n");
        assertThat(lines)
                .containsExactly(
                        new CsvLines.Line(3, List.of("a", "b", "c")),
                        new CsvLines.Line(5, List.of("d", "e;f", "g \"h\"")));
    }

    @Test
    void theFirstLineChoosesTheSeparator() throws Exception {
        assertThat(CsvLines.parse("a,b;c\nd,e").get(1).fields()).containsExactly("d,e");
        assertThat(CsvLines.parse("a,b,c\nd;e,f").get(1).fields()).containsExactly("d;e", "f");
        assertThat(CsvLines.parse("a;;\n").get(0).fields()).containsExactly("a", "", "");
    }

    @Test
    void aQuoteLeftOpenOrFollowedByTextIsMalformed() {
        assertThatThrownBy(() -> CsvLines.parse("ok;ok\n\"ouvert;x"))
                .isInstanceOfSatisfying(
                        CsvLines.Malformed.class, e -> assertThat(e.line).isEqualTo(2))
                .hasMessage("un guillemet ouvert n'est pas refermé sur la ligne.");
        assertThatThrownBy(() -> CsvLines.parse("\"a\"b;c"))
                .isInstanceOfSatisfying(
                        CsvLines.Malformed.class, e -> assertThat(e.line).isEqualTo(1));
    }

    @Test
    void kindsReadInFrenchOrEnglishWhateverTheCaseAndAccents() {
        assertThat(EntityKind.parse("Agence")).contains(EntityKind.AGENCY);
        assertThat(EntityKind.parse(" DIRECTORATE ")).contains(EntityKind.DIRECTORATE);
        assertThat(EntityKind.parse("sérvice")).contains(EntityKind.SERVICE);
        assertThat(EntityKind.parse("bureau")).isEmpty();
        assertThat(EntityKind.parse(null)).isEmpty();
    }

    @Test
    void codesNamesAndUserNames() {
        assertThat(EntityRules.code("agence-niort")).isEmpty();
        assertThat(EntityRules.code("A.b_9")).isEmpty();
        assertThat(EntityRules.code("-agence")).contains(EntityRules.BAD_CODE);
        assertThat(EntityRules.code("agence niort")).isPresent();
        assertThat(EntityRules.code("agencé")).isPresent();
        assertThat(EntityRules.code("x".repeat(33))).isPresent();
        assertThat(EntityRules.code(null)).isPresent();
        assertThat(EntityRules.name("Agence de Niort")).isEmpty();
        assertThat(EntityRules.name("Agence 😀")).isEmpty();
        assertThat(EntityRules.name("x".repeat(121))).contains(EntityRules.BAD_NAME);
        assertThat(EntityRules.name("nul\u0000")).isPresent();
        assertThat(EntityRules.name("\uD800 seul")).isPresent();
        assertThat(EntityRules.name("  ")).isPresent();
        assertThat(EntityRules.username("lea.martin@insurer")).isEmpty();
        assertThat(EntityRules.username("léa")).contains(EntityRules.BAD_USERNAME);
    }

    @Test
    void aParentBelowTheEntityMakesALoop() {
        Map<String, String> parents = new java.util.HashMap<>(Map.of("dir", "", "agence", "dir"));
        parents.put("dir", null);
        assertThat(EntityRules.makesCycle("dir", "agence", parents)).isTrue();
        assertThat(EntityRules.makesCycle("dir", "dir", parents)).isTrue();
        assertThat(EntityRules.makesCycle("agence", "dir", parents)).isFalse();
        assertThat(EntityRules.makesCycle("nouvelle", "agence", parents)).isFalse();
    }
}
