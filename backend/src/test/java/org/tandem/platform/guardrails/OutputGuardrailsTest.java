package org.tandem.platform.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.platform.privacy.MemberIdentity;
import org.tandem.platform.privacy.PersonName;
import org.tandem.platform.privacy.Pseudonymiser;

class OutputGuardrailsTest {

    private static final String REQUEST_AFTER_A_DEATH = """
            Bonjour, mon mari Henri est décédé le 2 février. Je vous joins l'acte de décès et vous demande
            le versement du capital prévu au contrat. Nadia Haddad""";

    /** The seed's example: a letter after a death that opens with « J'ai le plaisir… ». */
    private static final String PLEASED_LETTER = """
            Objet : votre demande de capital décès

            Madame Haddad,

            J'ai le plaisir de vous informer que votre dossier a bien été enregistré. Le capital vous sera versé sous
            quinze jours.

            Nous vous prions d'agréer, Madame, l'expression de nos salutations distinguées.

            Votre conseiller""";

    private static final String CONDOLENCE_LETTER = """
            Objet : votre demande de capital décès

            Madame Haddad,

            Nous avons appris avec une profonde tristesse le décès de votre époux et vous présentons nos sincères
            condoléances. Nous prenons en charge votre demande avec toute l'attention qu'elle mérite.

            Le capital prévu au contrat vous sera versé dès réception des pièces. Nous aurons plaisir à répondre à
            toutes vos questions, par téléphone ou à l'agence.

            Nous vous prions d'agréer, Madame, l'expression de nos salutations distinguées.

            Votre conseiller""";

    private static final GuardrailRules LETTER = new GuardrailRules(
            200,
            4000,
            List.of(
                    RequiredMention.text("Votre conseiller"),
                    RequiredMention.regex("(?i)salutations|sentiments|cordialement", "une formule de politesse")),
            List.of());

    private final OutputGuardrails guardrails = new OutputGuardrails();

    private static List<ViolationCode> codes(List<Violation> violations) {
        return violations.stream().map(Violation::code).toList();
    }

    @Test
    void theSeedsExampleIsCaught() {
        GuardrailContext context = GuardrailContext.of("Capital décès", REQUEST_AFTER_A_DEATH);
        List<Violation> violations = guardrails.check(PLEASED_LETTER, LETTER, context);

        assertThat(codes(violations)).containsExactly(ViolationCode.FORBIDDEN_OPENING);
        Violation v = violations.get(0);
        assertThat(v.messageFr()).contains("décès").contains("« j'ai le plaisir »");
        assertThat(v.blocksApproval()).isTrue();
        assertThat(v.regenerate()).isTrue();
        assertThat(v.instructionFr()).contains("condoléances").doesNotContain("Haddad");
    }

    @Test
    void aCondolenceLetterPassesEvenWithAPleasedFormulaFurtherDown() {
        GuardrailContext context = GuardrailContext.of(REQUEST_AFTER_A_DEATH);
        assertThat(guardrails.check(CONDOLENCE_LETTER, LETTER, context)).isEmpty();
    }

    @Test
    void withoutADeathAPleasedOpeningIsFine() {
        GuardrailContext context = GuardrailContext.of("Bonjour, je voudrais assurer ma nouvelle voiture.");
        assertThat(guardrails.check(PLEASED_LETTER, LETTER, context)).isEmpty();
    }

    @Test
    void theOpeningIsFoundAfterHeadersAndOnTheSalutationLine() {
        GuardrailContext death = new GuardrailContext(java.util.Set.of(ContextFlag.DEATH));
        assertThat(OutputGuardrails.opening("Niort, le 3 décembre 2024\nRéf. : SIN-2024-00871\n\nChère Madame, "
                        + "nous sommes heureux de vous aider. Deuxième phrase. Troisième phrase."))
                .isEqualTo("nous sommes heureux de vous aider. Deuxième phrase. ");
        assertThat(codes(guardrails.check(
                        "Madame, Monsieur, C'est avec plaisir que nous vous écrivons.", GuardrailRules.none(), death)))
                .containsExactly(ViolationCode.FORBIDDEN_OPENING);
        assertThat(codes(guardrails.check(
                        "Madame,\n\nNous sommes ravis de vous compter parmi nous.", GuardrailRules.none(), death)))
                .containsExactly(ViolationCode.FORBIDDEN_OPENING);
        assertThat(guardrails.check(
                        "Madame,\n\nNous partageons votre peine. Nos pensées vous accompagnent. "
                                + "Nous avons le plaisir de vous confirmer le versement.",
                        GuardrailRules.none(),
                        death))
                .as("third sentence: not the opening")
                .isEmpty();
    }

    @Test
    void aUseCaseCanForbidMoreOpenings() {
        var rules = new GuardrailRules(
                null,
                null,
                List.of(),
                List.of(new ForbiddenOpening(
                        ContextFlag.DEATH,
                        List.of("nous vous remercions de votre confiance"),
                        "Pas de remerciement commercial après un décès")));
        var violations = guardrails.check(
                "Madame,\nNous vous remercions de votre confiance.", rules, GuardrailContext.of("obsèques"));
        assertThat(codes(violations)).containsExactly(ViolationCode.FORBIDDEN_OPENING);
        assertThat(violations.get(0).messageFr()).startsWith("Pas de remerciement commercial");
    }

    @Test
    void anEmptyDraftIsBlocking() {
        assertThat(codes(guardrails.check("  \n", LETTER, GuardrailContext.none())))
                .containsExactly(ViolationCode.EMPTY);
        assertThat(codes(guardrails.check(null, LETTER, GuardrailContext.none())))
                .containsExactly(ViolationCode.EMPTY);
    }

    @Test
    void leftoverPseudonymisationTokensAreBlocking() {
        String ok = CONDOLENCE_LETTER;
        assertThat(guardrails.check(ok, LETTER, GuardrailContext.none())).isEmpty();
        for (String leftover :
                List.of("[PERSONNE_3]", "[personne_1_nom]", "PERSONNE_1_NOM", "[CLIENT_2]", "[ TEL 1 ]")) {
            var violations = guardrails.check(
                    ok.replace("Madame Haddad", "Madame " + leftover), LETTER, GuardrailContext.none());
            assertThat(codes(violations)).as(leftover).containsExactly(ViolationCode.LEFTOVER_TOKEN);
            assertThat(violations.get(0).messageFr()).contains(leftover);
            assertThat(violations.get(0).instructionFr()).doesNotContain("[");
        }
    }

    @Test
    void whatRestorationCouldNotPutBackIsCaught() {
        var known =
                new MemberIdentity(new PersonName("Nadia", "Haddad"), null, null, null, null, null, null, List.of());
        var map = new Pseudonymiser().pseudonymise(REQUEST_AFTER_A_DEATH, known).map();
        String modelDraft = CONDOLENCE_LETTER.replace("Madame Haddad", "Madame [PERSONNE_1_NOM] ([PERSONNE_4])");
        var restored = map.restore(modelDraft);
        assertThat(restored.unknownTokens()).containsExactly("[PERSONNE_4]");
        var violations = guardrails.check(restored.text(), LETTER, GuardrailContext.none());
        assertThat(codes(violations)).containsExactly(ViolationCode.LEFTOVER_TOKEN);
        assertThat(violations.get(0).messageFr()).contains("[PERSONNE_4]").doesNotContain("Haddad");
    }

    @Test
    void placeholdersAreToCompleteAndBlockApprovalWithoutARegeneration() {
        for (String placeholder : List.of(
                "[À COMPLÉTER : délai de versement]",
                "[a completer]",
                "{subject}",
                "{{ montant }}",
                "[Nom du bénéficiaire]",
                "[…]",
                "XXX",
                "______")) {
            String draft = CONDOLENCE_LETTER.replace("dès réception des pièces", "sous " + placeholder);
            var violations = guardrails.check(draft, LETTER, GuardrailContext.none());
            assertThat(codes(violations)).as(placeholder).containsExactly(ViolationCode.PLACEHOLDER);
            assertThat(violations.get(0).blocksApproval()).isTrue();
            assertThat(violations.get(0).regenerate()).isFalse();
            assertThat(violations.get(0).messageFr()).startsWith("À compléter avant l'approbation : « ");
        }
        assertThat(guardrails.check(CONDOLENCE_LETTER + "\n(voir [1] et {la notice})", LETTER, GuardrailContext.none()))
                .as("a footnote or braces around words are not placeholders")
                .isEmpty();
    }

    @Test
    void lengthLimitsAreInCharacters() {
        var rules = new GuardrailRules(50, 100, List.of(), List.of());
        assertThat(codes(guardrails.check("Madame, merci.", rules, GuardrailContext.none())))
                .containsExactly(ViolationCode.TOO_SHORT);
        assertThat(codes(guardrails.check("x".repeat(101), rules, GuardrailContext.none())))
                .containsExactly(ViolationCode.TOO_LONG);
        assertThat(guardrails.check("x".repeat(100), rules, GuardrailContext.none()))
                .isEmpty();
        var tooLong = guardrails
                .check("x".repeat(101), rules, GuardrailContext.none())
                .get(0);
        assertThat(tooLong.blocksApproval()).isFalse();
        assertThat(tooLong.instructionFr()).contains("100 caractères");
    }

    @Test
    void requiredMentionsAsTextOrRegex() {
        String withoutSignature = CONDOLENCE_LETTER.replace("Votre conseiller", "L'équipe");
        var violations = guardrails.check(withoutSignature, LETTER, GuardrailContext.none());
        assertThat(codes(violations)).containsExactly(ViolationCode.MISSING_MENTION);
        assertThat(violations.get(0).messageFr()).contains("« Votre conseiller »");

        String withoutPoliteness =
                CONDOLENCE_LETTER.replace("l'expression de nos salutations distinguées", "bonne journée");
        assertThat(guardrails
                        .check(withoutPoliteness, LETTER, GuardrailContext.none())
                        .get(0)
                        .messageFr())
                .contains("une formule de politesse");
        assertThat(guardrails.check(
                        CONDOLENCE_LETTER.replace("Votre conseiller", "VOTRE CONSEILLÈRE? non: votre conseiller"),
                        LETTER,
                        GuardrailContext.none()))
                .as("case-insensitive")
                .isEmpty();
    }

    @Test
    void rulesAreReadFromAUseCaseYaml() throws Exception {
        String yaml = """
                minLength: 300
                maxLength: 4000
                requiredMentions:
                  - "Votre conseiller"
                  - {regex: "(?i)salutations|sentiments|cordialement", label: "une formule de politesse"}
                forbiddenOpenings:
                  - {when: DEATH, phrases: ["nous vous remercions de votre confiance"], reasonFr: "Pas après un décès"}
                """;
        GuardrailRules rules = new ObjectMapper(new YAMLFactory()).readValue(yaml, GuardrailRules.class);
        assertThat(rules.minLength()).isEqualTo(300);
        assertThat(rules.requiredMentions())
                .extracting(RequiredMention::label)
                .containsExactly("« Votre conseiller »", "une formule de politesse");
        assertThat(rules.forbiddenOpenings().get(0).when()).isEqualTo(ContextFlag.DEATH);
        assertThat(guardrails.check(CONDOLENCE_LETTER, rules, GuardrailContext.none()))
                .isEmpty();
    }
}
