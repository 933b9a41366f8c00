package org.tandem.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.content.CaseRepository;
import org.tandem.content.CaseService;
import org.tandem.content.CaseStatus;
import org.tandem.content.ContentCase;
import org.tandem.content.DraftRepository;
import org.tandem.content.NewCaseRequest;
import org.tandem.content.drafting.DraftWorker;
import org.tandem.content.drafting.OfflineDrafter;
import org.tandem.platform.audit.AuditEvent;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.platform.web.ApiException;
import org.tandem.work.TaskCompletion;
import org.tandem.work.TaskDecision;

/**
 * The extraction process on the real engine and PostgreSQL, the worker and job executor off: the
 * test runs the AI step with {@code worker.runOnce()}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"tandem.worker.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "demo"})
class ExtractionProcessIT {

    static final CurrentUser ALICE = new CurrentUser("alice", "Alice", EnumSet.of(Role.ADVISER), List.of("advisers"));
    static final CurrentUser PAUL = new CurrentUser("paul", "Paul", EnumSet.of(Role.ADVISER), List.of("advisers"));

    static class ScriptedDrafter extends OfflineDrafter {
        volatile boolean failing;
        volatile String fixedText;

        ScriptedDrafter(UseCaseCatalog useCases, java.util.List<org.tandem.content.AnswerKind> answerKinds) {
            super(useCases, answerKinds);
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            if (failing) {
                throw new IllegalStateException("HTTP 503 from the provider");
            }
            if (fixedText != null) {
                return ChatResponse.builder()
                        .aiMessage(AiMessage.from(fixedText))
                        .modelName("mistral-small")
                        .build();
            }
            return super.doChat(request);
        }
    }

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        ScriptedDrafter scriptedDrafter(
                UseCaseCatalog useCases, java.util.List<org.tandem.content.AnswerKind> answerKinds) {
            return new ScriptedDrafter(useCases, answerKinds);
        }
    }

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    CaseService caseService;

    @Autowired
    CaseRepository cases;

    @Autowired
    DraftWorker worker;

    @Autowired
    DraftRepository drafts;

    @Autowired
    TaskCompletion reviews;

    @Autowired
    ExtractionService extraction;

    @Autowired
    ScriptedDrafter drafter;

    @Autowired
    AuditTrail audit;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        drafter.failing = false;
        drafter.fixedText = null;
        worker.runOnce();
    }

    @AfterEach
    void reset() {
        drafter.failing = false;
        drafter.fixedText = null;
        AbstractAssertions.reset();
    }

    static String document(String name) {
        try {
            return new ClassPathResource("releves/" + name)
                    .getContentAsString(StandardCharsets.UTF_8)
                    .strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ContentCase open(String document) {
        return caseService.open(
                new NewCaseRequest("record-extraction", "M-1002", "Relevé d'information", document), ALICE);
    }

    private ProcessInstance instance(ContentCase c) {
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(c.processInstanceId())
                .singleResult();
    }

    private Map<String, ExtractionService.FieldView> fields(ContentCase c) {
        return extraction.fieldsOfCase(c.id(), ALICE).fields().stream()
                .collect(Collectors.toMap(ExtractionService.FieldView::name, f -> f));
    }

    private static String at(String document, ExtractionService.FieldView f) {
        return document.substring(f.sourceStart(), f.sourceEnd());
    }

    @Test
    void offlineExtractionFillsTheFieldsWithTheirSourceSpans() {
        String doc = document("releve-dupont.txt");
        ContentCase c = open(doc);
        ProcessInstance pi = instance(c);
        assertThat(pi)
                .hasPassed("assembleContext")
                .isWaitingAt("extractFields")
                .externalTask()
                .hasTopicName(ExtractionService.TOPIC);

        assertThat(worker.runOnce()).isEqualTo(1);
        assertThat(pi).isWaitingAt("verifyFields");
        assertThat(task(pi)).hasCandidateUser("alice").hasCandidateGroup("member-relations-experts");
        assertThat(cases.findById(c.id()).orElseThrow().status()).isEqualTo(CaseStatus.VERIFYING);

        var view = extraction.fieldsOfCase(c.id(), ALICE);
        assertThat(view.producerLabel()).isEqualTo("extraction hors-ligne par motifs — aucun modèle d'IA");
        assertThat(view.total()).isEqualTo(10);
        assertThat(view.decided()).isZero();
        var f = fields(c);
        assertThat(f.get("numeroContrat").aiValue()).isEqualTo("AUTO-2019-447812");
        assertThat(f.get("assureur").aiValue()).isEqualTo("Mutuelle Atlantique Assurances");
        assertThat(f.get("nomSouscripteur").aiValue()).isEqualTo("Jean Dupont");
        assertThat(f.get("conducteurPrincipal").aiValue()).isEqualTo("Jean Dupont");
        assertThat(f.get("immatriculation").aiValue()).isEqualTo("GH-512-KL");
        assertThat(f.get("dateSouscription").aiValue()).isEqualTo("15/03/2019");
        assertThat(f.get("dateResiliation").aiValue()).isEqualTo("31/12/2024");
        assertThat(f.get("coefficientBonusMalus").aiValue()).isEqualTo("0.85");
        assertThat(f.get("sinistresResponsables").aiValue()).isEqualTo("1");
        assertThat(f.get("sinistresNonResponsables").aiValue()).isEqualTo("1");
        // each value points at the passage it came from, even the number written with a comma
        assertThat(at(doc, f.get("coefficientBonusMalus"))).isEqualTo("0,85");
        assertThat(f.get("coefficientBonusMalus").sourceText()).contains("bonus-malus) : 0,85");
        assertThat(at(doc, f.get("numeroContrat"))).isEqualTo("AUTO-2019-447812");
        assertThat(at(doc, f.get("immatriculation"))).isEqualTo("GH-512-KL");
        assertThat(doc.substring(0, f.get("sinistresResponsables").sourceEnd()))
                .endsWith("Nombre de sinistres responsables : 1");
        assertThat(doc.substring(0, f.get("sinistresNonResponsables").sourceEnd()))
                .endsWith("Nombre de sinistres non responsables : 1");
        assertThat(drafts.latest(c.id()).orElseThrow().model()).isEqualTo(OfflineDrafter.MODEL_NAME);
        assertThat(audit.chain(c.id()))
                .extracting(AuditEvent::type)
                .containsExactly("REQUESTED", "DRAFTED", "EXTRACTED");
    }

    @Test
    void aSecondDocumentWithoutTerminationLeavesThatFieldEmpty() {
        String doc = document("releve-martin.txt");
        ContentCase c = open(doc);
        worker.runOnce();
        var f = fields(c);
        assertThat(f.get("numeroContrat").aiValue()).isEqualTo("LIT-88213");
        assertThat(f.get("nomSouscripteur").aiValue()).isEqualTo("Sophie Martin");
        assertThat(f.get("dateSouscription").aiValue()).isEqualTo("01/06/2016");
        assertThat(f.get("coefficientBonusMalus").aiValue()).isEqualTo("0.5");
        assertThat(at(doc, f.get("coefficientBonusMalus"))).isEqualTo("0,50");
        assertThat(f.get("dateResiliation").aiValue()).isNull();
        assertThat(f.get("dateResiliation").sourceStart()).isNull();
        assertThat(f.get("sinistresResponsables").aiValue()).isEqualTo("0");
    }

    @Test
    void aModelAnswerInAFenceIsLocatedAndAnUnknownValueHasNoSource() {
        String doc = document("releve-dupont.txt");
        drafter.fixedText = """
                ```json
                {"numeroContrat": "AUTO-2019-447812", "assureur": "mutuelle  atlantique assurances",
                 "nomSouscripteur": "Jean Dupont", "conducteurPrincipal": "Jean Dupont",
                 "immatriculation": "GH-512-KL", "dateSouscription": "2019-03-15", "dateResiliation": null,
                 "coefficientBonusMalus": 0.85, "sinistresResponsables": 1, "sinistresNonResponsables": 4}
                ```""";
        ContentCase c = open(doc);
        worker.runOnce();
        assertThat(instance(c)).isWaitingAt("verifyFields");
        var f = fields(c);
        assertThat(at(doc, f.get("assureur"))).isEqualTo("Mutuelle Atlantique Assurances");
        assertThat(at(doc, f.get("dateSouscription"))).isEqualTo("15/03/2019");
        assertThat(at(doc, f.get("coefficientBonusMalus"))).isEqualTo("0,85");
        assertThat(f.get("sinistresNonResponsables").sourceStart())
                .as("« source introuvable »")
                .isNull();
        assertThat(drafts.latest(c.id()).orElseThrow().text())
                .as("the raw answer is kept")
                .startsWith("```json");
    }

    @Test
    void verifiedFieldByFieldThenOnlyVerifiedAndCorrectedValuesAreRecorded() {
        ContentCase c = open(document("releve-dupont.txt"));
        ProcessInstance pi = instance(c);
        worker.runOnce();
        String taskId = task(pi).getId();

        assertThatThrownBy(() -> extraction.decide(
                        taskId, "sinistresResponsables", "abc", ExtractionField.Status.CORRECTED, ALICE))
                .isInstanceOf(ApiException.class)
                .hasMessage("La valeur « abc » n'est pas un nombre entier.");
        assertThatThrownBy(
                        () -> extraction.decide(taskId, "numeroContrat", null, ExtractionField.Status.VERIFIED, PAUL))
                .as("another adviser's case")
                .isInstanceOf(ApiException.class)
                .hasMessageMatching(".*(ne fait pas partie de vos demandes|réservée à un autre groupe).*");

        for (String name : List.of(
                "numeroContrat",
                "assureur",
                "nomSouscripteur",
                "conducteurPrincipal",
                "immatriculation",
                "dateSouscription",
                "sinistresNonResponsables")) {
            extraction.decide(taskId, name, null, ExtractionField.Status.VERIFIED, ALICE);
        }
        extraction.decide(taskId, "coefficientBonusMalus", "0,90", ExtractionField.Status.CORRECTED, ALICE);
        extraction.decide(taskId, "dateResiliation", null, ExtractionField.Status.ABSENT, ALICE);

        // one field still pending: refused, naming it
        assertThatThrownBy(() -> reviews.complete(taskId, new TaskDecision(TaskDecision.Decision.SUBMIT, null), ALICE))
                .isInstanceOf(ApiException.class)
                .hasMessage("Champs encore à vérifier : Sinistres responsables (5 dernières années).");
        assertThat(pi).isWaitingAt("verifyFields");

        extraction.decide(taskId, "sinistresResponsables", "2", ExtractionField.Status.CORRECTED, ALICE);
        assertThat(extraction.fieldsOfCase(c.id(), ALICE).decided()).isEqualTo(10);
        reviews.complete(taskId, new TaskDecision(TaskDecision.Decision.SUBMIT, null), ALICE);

        assertThat(pi).isEnded().hasPassed("recordFields", "recorded");
        assertThat(cases.findById(c.id()).orElseThrow().status()).isEqualTo(CaseStatus.RECORDED);
        Map<String, String> recorded = extraction.recorded(c.id());
        assertThat(recorded)
                .doesNotContainKey("dateResiliation")
                .hasSize(9)
                .containsEntry("coefficientBonusMalus", "0.9")
                .containsEntry("sinistresResponsables", "2")
                .containsEntry("numeroContrat", "AUTO-2019-447812")
                .containsEntry("dateSouscription", "15/03/2019");
        assertThat(audit.chain(c.id()))
                .extracting(AuditEvent::type)
                .filteredOn("FIELD_VERIFIED"::equals)
                .hasSize(10);
        assertThat(audit.chain(c.id())).extracting(AuditEvent::type).last().isEqualTo("FIELDS_RECORDED");
        assertThat(audit.verify(c.id()).valid()).isTrue();
    }

    @Test
    void aMalformedAnswerIsRetriedThenPeopleEnterTheFieldsByHand() {
        drafter.fixedText = "Voici les champs : numéro AUTO-2019-447812, assureur Mutuelle Atlantique.";
        ContentCase c = open(document("releve-dupont.txt"));
        ProcessInstance pi = instance(c);
        for (int i = 0; i < 3; i++) {
            worker.runOnce();
        }
        assertThat(pi).isWaitingAt("enterFields");
        ContentCase after = cases.findById(c.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(CaseStatus.HAND_DRAFTING);
        assertThat(after.failureReason()).contains("n'est pas un objet JSON");
        var view = extraction.fieldsOfCase(c.id(), ALICE);
        assertThat(view.total()).isEqualTo(10);
        assertThat(view.fields()).allSatisfy(f -> assertThat(f.aiValue()).isNull());
    }

    @Test
    void anAiFailureSendsTheCaseToHandEntry() {
        drafter.failing = true;
        ContentCase c = open(document("releve-martin.txt"));
        ProcessInstance pi = instance(c);
        for (int i = 0; i < 3; i++) {
            worker.runOnce();
        }
        assertThat(pi).isWaitingAt("enterFields");
        String taskId = task(pi).getId();
        assertThat(task(pi)).hasCandidateUser("alice");
        assertThatThrownBy(
                        () -> extraction.decide(taskId, "numeroContrat", null, ExtractionField.Status.VERIFIED, ALICE))
                .hasMessageContaining("Aucune valeur proposée");
        for (var f : extraction.fieldsOfCase(c.id(), ALICE).fields()) {
            if (f.name().equals("dateResiliation")) {
                extraction.decide(taskId, f.name(), null, ExtractionField.Status.ABSENT, ALICE);
            } else {
                String value = switch (f.type()) {
                    case "integer" -> "0";
                    case "number" -> "0.5";
                    case "date" -> "01/06/2016";
                    default -> "saisi à la main";
                };
                extraction.decide(taskId, f.name(), value, ExtractionField.Status.CORRECTED, ALICE);
            }
        }
        reviews.complete(taskId, new TaskDecision(TaskDecision.Decision.SUBMIT, null), ALICE);
        assertThat(pi).isEnded();
        assertThat(extraction.recorded(c.id())).hasSize(9).containsEntry("coefficientBonusMalus", "0.5");
    }
}
