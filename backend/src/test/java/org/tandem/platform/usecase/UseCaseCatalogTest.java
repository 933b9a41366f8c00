package org.tandem.platform.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.tandem.platform.web.ApiException;

/** The use-case files as their owners write them: the six shipped ones load, a wrong one stops the start-up with its name. */
class UseCaseCatalogTest {

    /** processes/use-cases/ of the repository (the tests run in backend/), without the test-only use case. */
    static final String SHIPPED = Path.of("..", "processes", "use-cases")
            .toAbsolutePath()
            .normalize()
            .toUri()
            .toString();

    private static final String COMPLETE = """
            key: minimal
            name:
              fr: Cas minimal
              en: Minimal case
            capability: draft-text
            expertGroup: member-relations-experts
            approverGroup: member-relations-experts
            prePrompt: Tu rédiges un courrier.
            retention: P2Y
            """;

    @TempDir
    Path folder;

    private String location() {
        return folder.toUri().toString();
    }

    private void write(String file, String yaml) throws IOException {
        Files.writeString(folder.resolve(file), yaml);
    }

    @Test
    void theSixShippedFilesLoadInKeyOrder() {
        UseCaseCatalog catalog = new UseCaseCatalog(SHIPPED);
        assertThat(catalog.all())
                .extracting(UseCase::key)
                .containsExactly(
                        "claim-summary",
                        "knowledge-answer",
                        "meeting-report",
                        "member-chatbot",
                        "record-extraction",
                        "reply-letter");
    }

    @Test
    void everyShippedUseCaseNamesWhatItsCasesNeed() {
        for (UseCase u : new UseCaseCatalog(SHIPPED).all()) {
            assertThat(u.name().fr()).as(u.key()).isNotBlank();
            assertThat(u.name().en()).as(u.key()).isNotBlank();
            assertThat(u.description().fr()).as(u.key()).isNotBlank();
            assertThat(u.category()).as(u.key()).isIn("assistant", "business-agent", "transformation");
            assertThat(u.prePrompt()).as(u.key()).contains("<message_societaire>");
            assertThat(u.disclosureChannel()).as(u.key()).isNotBlank();
            // the process its cases run is one of the BPMN files beside the use cases
            assertThat(Path.of("..", "processes", u.processKey() + ".bpmn"))
                    .as(u.key())
                    .exists();
        }
    }

    @Test
    void theReplyLetterIsReadAsItsFileSays() {
        UseCase letter = new UseCaseCatalog(SHIPPED).find("reply-letter").orElseThrow();
        assertThat(letter.name().fr()).isEqualTo("Courrier de réponse à un sociétaire");
        assertThat(letter.processKey()).isEqualTo("content");
        assertThat(letter.capability()).isEqualTo("draft-text");
        assertThat(letter.expertGroup()).isEqualTo("member-relations-experts");
        assertThat(letter.fourEyes()).isFalse();
        assertThat(letter.regenerationLimit()).isEqualTo(2);
        assertThat(letter.rejectOutcome()).isEqualTo(UseCase.RejectOutcome.HAND_DRAFT);
        assertThat(letter.requiresMember()).isTrue();
        assertThat(letter.extracts()).isFalse();
        assertThat(letter.knowledgeCollections()).containsExactly("produits", "sinistres", "prevention");
        assertThat(letter.passageCount()).isEqualTo(4);
        assertThat(letter.guardrailRules().minLength()).isEqualTo(300);
        assertThat(letter.guardrailRules().requiredMentions()).hasSize(2);
        UseCase.AiSettings ai = letter.aiSettings();
        assertThat(ai.isEnabled()).isTrue();
        assertThat(ai.budgetFallback()).isEqualTo(UseCase.BudgetFallback.SMALLER_MODEL);
        assertThat(ai.smallerModel()).isEqualTo("open-mistral-nemo");
        assertThat(ai.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(ai.concurrency()).isEqualTo(4);
        assertThat(ai.modelSettings(null).temperature()).isEqualTo(0.3);
        assertThat(ai.modelSettings("open-mistral-nemo").model()).isEqualTo("open-mistral-nemo");
    }

    @Test
    void eachShippedUseCaseKeepsItsOwnRules() {
        UseCaseCatalog catalog = new UseCaseCatalog(SHIPPED);
        UseCase claims = catalog.require("claim-summary");
        assertThat(claims.fourEyes()).isTrue();
        assertThat(claims.rejectOutcome()).isEqualTo(UseCase.RejectOutcome.END);
        assertThat(claims.expertGroup()).isEqualTo("claims-experts");

        UseCase ami = catalog.require("knowledge-answer");
        assertThat(ami.processKey()).isEqualTo("knowledge-answer");
        assertThat(ami.requiresMember()).isFalse();
        assertThat(ami.approverGroup()).isEqualTo("advisers");
        assertThat(ami.regenerationLimit()).isZero();

        UseCase chatbot = catalog.require("member-chatbot");
        assertThat(chatbot.processKey()).isEqualTo("chatbot");
        assertThat(chatbot.chatbot().sampleRate()).isEqualTo(0.2);
        assertThat(chatbot.chatbot().conversationWindow()).isEqualTo("PT24H");

        UseCase extraction = catalog.require("record-extraction");
        assertThat(extraction.extracts()).isTrue();
        assertThat(extraction.passageCount()).as("no knowledge collection").isZero();
        assertThat(extraction.outputSchema()).hasSize(10);
        assertThat(extraction.outputSchema())
                .filteredOn(UseCase.FieldSpec::isOptional)
                .extracting(UseCase.FieldSpec::name)
                .containsExactly("dateResiliation");
        assertThat(extraction.outputSchema().get(7).type()).isEqualTo(UseCase.FieldType.number);
        assertThat(extraction.offlinePatterns()).containsKey("immatriculation");
    }

    @Test
    void anUnknownKeyIsAFrenchBadRequest() {
        UseCaseCatalog catalog = new UseCaseCatalog(SHIPPED);
        assertThat(catalog.find(null)).isEmpty();
        assertThat(catalog.find("horoscope")).isEmpty();
        assertThatThrownBy(() -> catalog.require("horoscope"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST))
                .hasMessage("Le cas d'usage « horoscope » n'existe pas.");
    }

    @Test
    void aMinimalFileGetsTheDocumentedDefaults() throws IOException {
        write("minimal.yaml", COMPLETE);
        UseCase u = new UseCaseCatalog(location()).require("minimal");
        assertThat(u.processKey()).isEqualTo("content");
        assertThat(u.regenerationLimit()).isEqualTo(2);
        assertThat(u.rejectOutcome()).isEqualTo(UseCase.RejectOutcome.END);
        assertThat(u.requiresMember()).isTrue();
        assertThat(u.fourEyes()).isFalse();
        assertThat(u.extracts()).isFalse();
        assertThat(u.knowledgeCollections()).isEmpty();
        assertThat(u.passageCount()).isZero();
        assertThat(u.guardrailRules()).isEqualTo(org.tandem.platform.guardrails.GuardrailRules.none());
        assertThat(u.aiSettings().isEnabled()).isTrue();
        assertThat(u.aiSettings().budgetFallback()).isEqualTo(UseCase.BudgetFallback.HAND_DRAFT);
        assertThat(u.aiSettings().modelSettings(null).isDefault()).isTrue();
    }

    @Test
    void onlyYamlFilesAreReadAndUnknownPropertiesAreIgnored() throws IOException {
        write("minimal.yaml", COMPLETE + "owner: Direction de la relation sociétaires\n");
        write("README.md", "# not a use case");
        assertThat(new UseCaseCatalog(location()).all())
                .extracting(UseCase::key)
                .containsExactly("minimal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"key", "name", "capability", "expertGroup", "approverGroup", "prePrompt"})
    void aFileWithoutARequiredFieldIsRefusedByName(String field) throws IOException {
        String yaml = COMPLETE.lines()
                .filter(line -> !line.startsWith(field + ":"))
                .filter(line -> !field.equals("name") || !line.startsWith("  "))
                .reduce("", (a, b) -> a + b + "\n");
        write("incomplete.yaml", yaml);
        assertThatThrownBy(() -> new UseCaseCatalog(location()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Use case file incomplete.yaml needs key, name, capability, expertGroup, approverGroup"
                        + " and prePrompt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "retention: P0D\n", "retention: P-1Y\n"})
    void aFileWithoutAPositiveRetentionIsRefused(String retention) throws IOException {
        write("forever.yaml", COMPLETE.replace("retention: P2Y\n", retention));
        assertThatThrownBy(() -> new UseCaseCatalog(location()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Use case file forever.yaml needs retention");
    }

    @Test
    void theShippedUseCasesKeepPersonalDataBetweenSixMonthsAndFiveYearsAfterClosure() {
        UseCaseCatalog catalog = new UseCaseCatalog(SHIPPED);
        assertThat(catalog.all())
                .allSatisfy(u -> assertThat(u.retention()).as(u.key()).isNotNull());
        assertThat(catalog.find("reply-letter").orElseThrow().retention()).isEqualTo(java.time.Period.ofYears(2));
        assertThat(catalog.find("claim-summary").orElseThrow().retention()).isEqualTo(java.time.Period.ofYears(5));
        assertThat(catalog.find("knowledge-answer").orElseThrow().retention()).isEqualTo(java.time.Period.ofMonths(6));
    }

    @Test
    void theShippedUseCasesSayTheirAnswerTimeInBusinessDaysAndHowTheyEscalate() {
        UseCaseCatalog catalog = new UseCaseCatalog(SHIPPED);
        UseCase letter = catalog.find("reply-letter").orElseThrow();
        assertThat(letter.answerWithin()).isEqualTo(java.time.Period.ofDays(10));
        assertThat(letter.escalationMode()).isEqualTo(UseCase.Escalation.REASSIGN);
        assertThat(catalog.find("claim-summary").orElseThrow().escalationMode()).isEqualTo(UseCase.Escalation.TASK);
        assertThat(catalog.find("member-chatbot").orElseThrow().hasDeadline())
                .as("answered at once")
                .isFalse();
        // every use case of the content process has a deadline: its tasks carry a due date and a timer
        assertThat(catalog.all())
                .filteredOn(u -> u.processKey().equals("content"))
                .allSatisfy(u -> assertThat(u.hasDeadline()).as(u.key()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1M", "P0D", "P-3D", "P1Y"})
    void anAnswerTimeIsAPositiveNumberOfBusinessDays(String answerWithin) throws IOException {
        write("late.yaml", COMPLETE + "answerWithin: " + answerWithin + "\n");
        assertThatThrownBy(() -> new UseCaseCatalog(location()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Use case file late.yaml: answerWithin")
                .hasMessageContaining("P10D");
    }

    @Test
    void anUnknownEscalationStopsTheStartUpWithItsNameAndLine() throws IOException {
        write("shout.yaml", COMPLETE + "answerWithin: P10D\nescalation: EMAIL\n");
        assertThatThrownBy(() -> new UseCaseCatalog(location()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Use case file shout.yaml cannot be read: ")
                .hasMessageContaining("EMAIL");
    }

    @Test
    void anEscalationWithoutAnAnswerTimeIsRefused() throws IOException {
        write("never.yaml", COMPLETE + "escalation: TASK\n");
        assertThatThrownBy(() -> new UseCaseCatalog(location()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("escalation needs answerWithin");
    }

    @Test
    void aBlankGroupIsAsMissingAsNoGroup() throws IOException {
        write("blank.yaml", COMPLETE.replace("approverGroup: member-relations-experts", "approverGroup: \"  \""));
        assertThatThrownBy(() -> new UseCaseCatalog(location())).hasMessageContaining("Use case file blank.yaml needs");
    }

    @Test
    void aSmallerModelFallbackNeedsTheSmallerModel() throws IOException {
        write("cheap.yaml", COMPLETE + "ai:\n  whenBudgetSpent: SMALLER_MODEL\n");
        assertThatThrownBy(() -> new UseCaseCatalog(location()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Use case file cheap.yaml: whenBudgetSpent SMALLER_MODEL needs smallerModel");
    }

    @Test
    void aConcurrencyBelowOneIsRefused() throws IOException {
        write("busy.yaml", COMPLETE + "ai:\n  concurrency: 0\n");
        assertThatThrownBy(() -> new UseCaseCatalog(location()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Use case file busy.yaml: ai.concurrency must be at least 1");
    }

    @Test
    void aFileThatIsNotAUseCaseStopsTheStartUpWithItsNameAndLine() throws IOException {
        write("broken.yaml", COMPLETE + "maxRegenerations: deux\n");
        assertThatThrownBy(() -> new UseCaseCatalog(location()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Use case file broken.yaml cannot be read: ")
                .hasMessageContaining("deux")
                .hasMessageEndingWith("(line 10)");
    }

    @Test
    void twoFilesWithOneKeyStopTheStartUpWithBothNames() throws IOException {
        write("a-letter.yaml", COMPLETE);
        write("b-copy.yaml", COMPLETE.replace("Cas minimal", "Copie"));
        assertThatThrownBy(() -> new UseCaseCatalog(location()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("a-letter.yaml", "b-copy.yaml", "the key");
    }

    @Test
    void aFolderWithoutUseCasesStopsTheStartUp() {
        assertThatThrownBy(() -> new UseCaseCatalog(location()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No use case found in " + location());
    }
}
