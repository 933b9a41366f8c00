package org.tandem.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.EnumSet;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.content.drafting.DraftWorker;
import org.tandem.content.drafting.OfflineDrafter;
import org.tandem.content.review.ReviewDecision;
import org.tandem.platform.audit.AuditEvent;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.work.TaskCompletion;
import org.tandem.work.TaskDecision;

/**
 * The content process on the real engine and PostgreSQL, with the AI worker and the job executor
 * switched off: each external task and job is executed explicitly by the test.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"tandem.worker.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "demo"})
class ContentProcessIT {

    static final CurrentUser ALICE = new CurrentUser("alice", "Alice", EnumSet.of(Role.ADVISER), List.of("advisers"));
    static final CurrentUser BOB =
            new CurrentUser("bob", "Bob", EnumSet.of(Role.EXPERT), List.of("experts", "member-relations-experts"));
    static final CurrentUser INES =
            new CurrentUser("ines", "Inès", EnumSet.of(Role.EXPERT), List.of("experts", "claims-experts"));
    static final CurrentUser HUGO =
            new CurrentUser("hugo", "Hugo", EnumSet.of(Role.EXPERT), List.of("experts", "claims-experts"));
    static final String COMPLETE_LETTER = "Madame, Monsieur,\n\nVotre remboursement de 182,40 euros a été "
            + "validé ce jour ; le virement vous parviendra sous trois jours ouvrés.\n\nVotre conseiller";

    /** The offline drafter, which a test can make fail like an unreachable provider. */
    static class FlakyDrafter extends OfflineDrafter {
        volatile boolean failing;
        /** When set, the drafter answers this complete text (no placeholder left), like a real model would. */
        volatile String fixedText;

        FlakyDrafter(UseCaseCatalog useCases, java.util.List<org.tandem.content.AnswerKind> answerKinds) {
            super(useCases, answerKinds);
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            if (failing) {
                throw new IllegalStateException("HTTP 503 from the provider");
            }
            if (fixedText != null) {
                return ChatResponse.builder()
                        .aiMessage(dev.langchain4j.data.message.AiMessage.from(fixedText))
                        .modelName(MODEL_NAME)
                        .build();
            }
            return super.doChat(request);
        }
    }

    @TestConfiguration
    static class Config {
        @Bean
        @org.springframework.context.annotation.Primary
        FlakyDrafter flakyDrafter(UseCaseCatalog useCases, java.util.List<org.tandem.content.AnswerKind> answerKinds) {
            return new FlakyDrafter(useCases, answerKinds);
        }
    }

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    CaseService caseService;

    @Autowired
    CaseRepository cases;

    @Autowired
    DraftWorker worker;

    @Autowired
    DraftingService drafting;

    @Autowired
    DraftRepository drafts;

    @Autowired
    TaskCompletion reviews;

    @Autowired
    org.tandem.content.review.TextTasks texts;

    @Autowired
    org.tandem.work.DraftDisplays displays;

    @Autowired
    DisclosureService disclosureService;

    @Autowired
    DisclosureRepository disclosures;

    @Autowired
    FlakyDrafter drafter;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    @Autowired
    org.tandem.platform.usecase.PromptRegistry prompts;

    @Autowired
    org.tandem.content.metrics.CaseMetricsRepository metrics;

    @Autowired
    org.tandem.content.review.ContentVersionRepository versions;

    @Autowired
    org.tandem.content.review.ReviewDecisionRepository reviewDecisions;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        drafter.failing = false;
        drafter.fixedText = null;
        // other tests of this class may have left work behind; each test drives its own case
        worker.runOnce();
    }

    @AfterEach
    void reset() {
        drafter.failing = false;
        drafter.fixedText = null;
        AbstractAssertions.reset();
    }

    private ContentCase open(String subject) {
        return open("reply-letter", subject);
    }

    private ProcessInstance instance(ContentCase c) {
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(c.processInstanceId())
                .singleResult();
    }

    private ContentCase open(String useCase, String subject) {
        return caseService.open(
                new NewCaseRequest(
                        useCase,
                        "M-1002",
                        subject,
                        "Bonjour, mon dégât des eaux date du 2 octobre et je n'ai aucune nouvelle de l'expert."),
                ALICE);
    }

    private void decide(ProcessInstance pi, CurrentUser user, TaskDecision.Decision decision) {
        decide(pi, user, new TaskDecision(decision, null));
    }

    /** Decides as the screen does: having displayed the whole text first (see DraftDisplays). */
    private void decide(ProcessInstance pi, CurrentUser user, TaskDecision decision) {
        String taskId = task(pi).getId();
        if (decision.decision() == TaskDecision.Decision.ACCEPT
                || decision.decision() == TaskDecision.Decision.APPROVE) {
            displays.record(taskId, user, 5_000);
        }
        reviews.complete(taskId, decision, user);
    }

    /**
     * The drafter of this context stands in for a provider (its drafts are recorded as the offline
     * drafter's); the tests of a model's path record its draft as a model's, as the worker does for one.
     */
    private void aModelWroteTheDraft(ContentCase c) {
        jdbc.sql("update draft set producer = 'MODEL', model = 'test-model' where case_id = ? and producer = 'OFFLINE'")
                .param(c.id())
                .update();
    }

    /** The disclosure job, then the delivery job (the letter leaves through the test JVM's mail server). */
    private void discloseAndDeliver(ProcessInstance pi) {
        execute(job(pi));
        assertThat(pi).isWaitingAt("deliver");
        execute(job(pi));
    }

    private String disclosedText(ContentCase c) {
        return disclosures.find(c.id()).orElseThrow().disclosedText();
    }

    @Test
    void aDisplayReportKeepsTheLongestTimePerPersonAndGoesWithItsTask() {
        ContentCase c = open("Affichage en entier");
        ProcessInstance pi = instance(c);
        assertThat(worker.runOnce()).isEqualTo(1);
        String review = task(pi).getId();
        assertThat(displays.record(review, BOB, 3_000)).isEqualTo(3_000);
        assertThat(displays.record(review, BOB, 1_000))
                .as("the longest report counts")
                .isEqualTo(3_000);
        assertThat(displays.record(review, BOB, 8_000)).isEqualTo(8_000);
        assertThat(audit.chain(c.id()))
                .filteredOn(e -> e.type().equals("DRAFT_DISPLAYED"))
                .as("the first report goes to the trail, not each one")
                .hasSize(1);
        CurrentUser chloe = new CurrentUser(
                "chloe", "Chloé", EnumSet.of(Role.EXPERT), List.of("experts", "member-relations-experts"));
        assertThatThrownBy(() -> reviews.complete(review, new TaskDecision(TaskDecision.Decision.ACCEPT, null), chloe))
                .as("bob's display is not chloé's")
                .hasMessageContaining("pas possible");

        reviews.complete(review, new TaskDecision(TaskDecision.Decision.ACCEPT, null), BOB);
        assertThat(displayReports(review))
                .as("completed: its reports go with it")
                .isZero();
        String approve = task(pi).getId();
        displays.record(approve, BOB, 4_000);
        assertThat(displayReports(approve)).isOne();
        runtimeService.deleteProcessInstance(pi.getId(), "test: a cancelled case");
        assertThat(displayReports(approve))
                .as("deleted with its process: its reports too")
                .isZero();
    }

    private int displayReports(String taskId) {
        return jdbc.sql("select count(*) from task_display where task_id = ?")
                .param(taskId)
                .query(Integer.class)
                .single();
    }

    @Test
    void acceptedAsItIsThenApprovedAndDisclosed() {
        drafter.fixedText = COMPLETE_LETTER;
        ContentCase c = open("Remboursement validé");
        ProcessInstance pi = instance(c);
        assertThat(pi)
                .hasPassed("assembleContext")
                .isWaitingAt("aiDraft")
                .externalTask()
                .hasTopicName(DraftWorker.TOPIC);

        assertThat(worker.runOnce()).isEqualTo(1);
        aModelWroteTheDraft(c);
        assertThat(pi).isWaitingAt("review");
        assertThat(task(pi)).hasCandidateGroup("member-relations-experts").isNotAssigned();
        assertThat(cases.findById(c.id()).orElseThrow().status()).isEqualTo(CaseStatus.IN_REVIEW);

        decide(pi, BOB, TaskDecision.Decision.ACCEPT);
        assertThat(pi).hasPassed("reviewDecision").isWaitingAt("approve");
        assertThat(task(pi)).hasCandidateGroup("member-relations-experts");
        assertThat(cases.findById(c.id()).orElseThrow().status()).isEqualTo(CaseStatus.AWAITING_APPROVAL);

        decide(pi, BOB, TaskDecision.Decision.APPROVE);
        assertThat(pi).hasPassed("approve", "disclosurePolicy").isWaitingAt("disclose");
        // the approval's facts are transient: only the policy's category stays a variable
        assertThat(pi)
                .variables()
                .containsEntry("disclosureCategory", "AI_VALIDATED")
                .doesNotContainKeys("aiShare", "approvedBy", "checkedByHuman", "disclosureLabel", "citeSources");
        ContentCase approved = cases.findById(c.id()).orElseThrow();
        assertThat(approved.aiShare()).isEqualTo(1.0);
        assertThat(approved.approvedBy()).isEqualTo("bob");

        execute(job(pi));
        assertThat(pi).hasPassed("disclose").isWaitingAt("deliver");
        assertThat(cases.findById(c.id()).orElseThrow().status())
                .as("disclosed, not yet accepted by the mail server")
                .isEqualTo(CaseStatus.TO_SEND);
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("disclose", "deliver", "disclosed");
        assertThat(disclosedText(c)).startsWith(COMPLETE_LETTER).contains("validé par un collaborateur");
        assertThat(disclosures.find(c.id()).orElseThrow().digitalSourceType())
                .as("approved unchanged: every word is the model's")
                .endsWith("/trainedAlgorithmicMedia");
        assertThat(cases.findById(c.id()).orElseThrow().status()).isEqualTo(CaseStatus.DISCLOSED);
        var m = metrics.find(c.id()).orElseThrow();
        assertThat(m.acceptedWithoutEdit()).isTrue();
        assertThat(m.editRatioChars()).isZero();
        assertThat(m.timeToFirstDraftMs()).isNotNull();
        assertThat(m.timeToApprovalMs()).isGreaterThanOrEqualTo(m.timeToFirstDraftMs());

        assertThat(audit.chain(c.id()))
                .extracting(AuditEvent::type)
                .containsExactly(
                        "REQUESTED",
                        "DRAFTED",
                        "DRAFT_DISPLAYED",
                        "REVIEW_DECISION",
                        "DRAFT_DISPLAYED",
                        "APPROVED",
                        "DISCLOSED",
                        "DELIVERED");
        assertThat(audit.chain(c.id()))
                .extracting(AuditEvent::actor)
                .containsExactly("alice", "ai:offline-drafter", "bob", "bob", "bob", "bob", "system", "system");
        assertThat(audit.verify(c.id()).valid()).isTrue();
        assertThat(jdbc.sql("select provider from model_call where case_id = ?")
                        .param(c.id())
                        .query(String.class)
                        .list())
                .as("the drafter's call is recorded")
                .hasSize(1);
    }

    @Test
    void editedInSavedVersionsThenApproved() {
        ContentCase c = open("Dégât des eaux");
        ProcessInstance pi = instance(c);
        worker.runOnce();
        aModelWroteTheDraft(c);
        String draft = drafts.latest(c.id()).orElseThrow().text();
        decide(pi, BOB, TaskDecision.Decision.EDIT);
        assertThat(pi).isWaitingAt("edit");
        assertThat(cases.findById(c.id()).orElseThrow().status()).isEqualTo(CaseStatus.EDITING);

        String completed = draft.replaceAll(
                "\\[À COMPLÉTER[^\\]]*\\]", "L'expert passera chez vous le jeudi 14 novembre à 10 heures.");
        var first = texts.save(task(pi).getId(), completed, BOB);
        var second = texts.save(task(pi).getId(), completed + "\nBien cordialement.", BOB);
        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.aiShare()).isBetween(0.6, 0.99);
        assertThat(second.editRatioChars()).isBetween(0.01, 0.5);
        assertThat(pi).as("saving does not complete the task").isWaitingAt("edit");

        decide(pi, BOB, new TaskDecision(TaskDecision.Decision.SUBMIT, completed + "\nBien cordialement."));
        assertThat(versions.all(c.id()))
                .as("submitting the saved text adds no version")
                .hasSize(2);
        assertThat(pi).isWaitingAt("approve");
        decide(pi, BOB, TaskDecision.Decision.APPROVE);
        discloseAndDeliver(pi);
        assertThat(pi).isEnded();
        assertThat(disclosedText(c)).startsWith(completed + "\nBien cordialement.");
        var m = metrics.find(c.id()).orElseThrow();
        assertThat(m.acceptedWithoutEdit()).isFalse();
        assertThat(m.editRatioWords()).isGreaterThan(0);
        assertThat(audit.chain(c.id()))
                .extracting(AuditEvent::type)
                .containsExactly(
                        "REQUESTED",
                        "DRAFTED",
                        "REVIEW_DECISION",
                        "EDIT_SAVED",
                        "EDIT_SAVED",
                        "DRAFT_DISPLAYED",
                        "APPROVED",
                        "DISCLOSED",
                        "DELIVERED");
    }

    @Test
    void aTextWithAPlaceholderLeftCannotBeApproved() {
        ContentCase c = open("Texte incomplet");
        ProcessInstance pi = instance(c);
        worker.runOnce();
        decide(pi, BOB, TaskDecision.Decision.ACCEPT);
        assertThatThrownBy(() -> decide(pi, BOB, TaskDecision.Decision.APPROVE)).hasMessageContaining("À COMPLÉTER");
        assertThat(pi).isWaitingAt("approve");
        decide(pi, BOB, new TaskDecision(TaskDecision.Decision.RETURN, null, null, "Compléter la réponse."));
        assertThat(pi).isWaitingAt("edit");
        assertThat(reviewDecisions.all(c.id()))
                .extracting(ReviewDecision::decision)
                .containsExactly("ACCEPT", "RETURN");
    }

    @Test
    void regeneratedWithTheExpertsInstruction() {
        ContentCase c = open("Ton trop sec");
        ProcessInstance pi = instance(c);
        worker.runOnce();
        assertThatThrownBy(() -> decide(pi, BOB, TaskDecision.Decision.REGENERATE))
                .hasMessageContaining("Indiquez à l'IA");
        decide(pi, BOB, new TaskDecision(TaskDecision.Decision.REGENERATE, null, "Plus chaleureux, merci.", null));
        assertThat(pi).hasPassed("canRegenerate").isWaitingAt("aiDraft");
        assertThat(pi).variables().containsEntry("regenerations", 1);
        String prompt = jdbc.sql("select user_prompt from case_context where case_id = ?")
                .param(c.id())
                .query(String.class)
                .single();
        assertThat(prompt)
                .contains("<consigne_expert>\nPlus chaleureux, merci.\n</consigne_expert>")
                .contains("<brouillon_precedent>");
        worker.runOnce();
        assertThat(pi).isWaitingAt("review");
        assertThat(drafts.countForCase(c.id())).isEqualTo(2);
        assertThat(drafts.latest(c.id()).orElseThrow().text())
                .as("the offline drafter says it could not apply the instruction")
                .contains("Plus chaleureux, merci.");
        decide(pi, BOB, TaskDecision.Decision.EDIT);
        decide(pi, BOB, new TaskDecision(TaskDecision.Decision.SUBMIT, COMPLETE_LETTER));
        decide(pi, BOB, TaskDecision.Decision.APPROVE);
        assertThat(metrics.find(c.id()).orElseThrow().regenerations())
                .as("the metrics count the regeneration from the recorded decisions, as the process's variable does")
                .isEqualTo(1);
    }

    @Test
    void pastTheRegenerationLimitPeopleWriteByHand() {
        ContentCase c = open("Trois essais");
        ProcessInstance pi = instance(c);
        worker.runOnce();
        for (int i = 1; i <= 2; i++) {
            decide(pi, BOB, new TaskDecision(TaskDecision.Decision.REGENERATE, null, "Essai " + i, null));
            assertThat(pi).isWaitingAt("aiDraft");
            worker.runOnce();
        }
        decide(pi, BOB, new TaskDecision(TaskDecision.Decision.REGENERATE, null, "Essai 3", null));
        assertThat(pi).isWaitingAt("handDraft");
        assertThat(drafts.countForCase(c.id())).isEqualTo(3);
    }

    @Test
    void aRejectedLetterIsWrittenByHandAsTheUseCaseSays() {
        ContentCase c = open("Hors sujet");
        ProcessInstance pi = instance(c);
        worker.runOnce();
        assertThatThrownBy(() -> decide(pi, BOB, TaskDecision.Decision.REJECT)).hasMessageContaining("pourquoi");
        decide(pi, BOB, new TaskDecision(TaskDecision.Decision.REJECT, null, null, "Le brouillon ne répond pas."));
        assertThat(pi).hasPassed("afterReject").isWaitingAt("handDraft");
        String handWritten = "Madame, Monsieur,\n\nNous reprenons votre dossier dès aujourd'hui.\n\nVotre conseiller";
        decide(pi, ALICE, new TaskDecision(TaskDecision.Decision.SUBMIT, handWritten));
        decide(pi, BOB, TaskDecision.Decision.APPROVE);
        assertThat(pi).variables().containsEntry("disclosureCategory", "HUMAN");
        discloseAndDeliver(pi);
        assertThat(disclosedText(c)).isEqualTo(handWritten);
        assertThat(metrics.find(c.id()).orElseThrow().handDrafted()).isTrue();
    }

    @Test
    void aRejectedClaimSummaryEndsTheCase() {
        ContentCase c = open("claim-summary", "Sinistre auto du 3 mars");
        ProcessInstance pi = instance(c);
        worker.runOnce();
        assertThat(task(pi)).hasCandidateGroup("claims-experts");
        decide(pi, INES, new TaskDecision(TaskDecision.Decision.REJECT, null, null, "Dossier incomplet."));
        assertThat(pi).isEnded().hasPassed("rejectedEnd");
        assertThat(cases.findById(c.id()).orElseThrow().status()).isEqualTo(CaseStatus.REJECTED);
        assertThat(metrics.find(c.id()).orElseThrow().rejected()).isTrue();
        assertThat(disclosures.find(c.id())).isEmpty();
    }

    @Test
    void fourEyesTheEditorMayNotApproveTheirOwnEdit() {
        ContentCase c = open("claim-summary", "Bris de glace");
        ProcessInstance pi = instance(c);
        worker.runOnce();
        decide(pi, INES, TaskDecision.Decision.EDIT);
        decide(
                pi,
                INES,
                new TaskDecision(
                        TaskDecision.Decision.SUBMIT,
                        "Synthèse : bris de glace du 12/03/2026 sur le pare-brise, facture de 640 euros reçue."));
        assertThatThrownBy(() -> decide(pi, INES, TaskDecision.Decision.APPROVE))
                .hasMessageContaining("quatre yeux");
        assertThat(pi).isWaitingAt("approve");
        assertThat(task(pi)).isNotAssigned();
        decide(pi, HUGO, TaskDecision.Decision.APPROVE);
        discloseAndDeliver(pi);
        assertThat(pi).isEnded();
        assertThat(cases.findById(c.id()).orElseThrow().approvedBy()).isEqualTo("hugo");
    }

    @Test
    void aDecisionThatDoesNotFitTheTaskIsRefused() {
        ContentCase c = open("Mauvaise décision");
        ProcessInstance pi = instance(c);
        worker.runOnce();
        assertThatThrownBy(() -> decide(pi, BOB, TaskDecision.Decision.APPROVE)).hasMessageContaining("pas possible");
        assertThat(pi).isWaitingAt("review");
    }

    @Test
    void whenTheAiFailsAfterItsRetriesPeopleDraftByHand() {
        ContentCase c = open("Expertise en attente");
        ProcessInstance pi = instance(c);
        drafter.failing = true;

        assertThat(worker.runOnce()).isEqualTo(1);
        assertThat(pi).isWaitingAt("aiDraft");
        assertThat(worker.runOnce()).isEqualTo(1);
        assertThat(pi).isWaitingAt("aiDraft");
        assertThat(worker.runOnce()).as("third and last attempt").isEqualTo(1);

        assertThat(pi).hasPassed("aiFailed").isWaitingAt("handDraft");
        assertThat(task(pi)).hasCandidateUser("alice").hasCandidateGroup("member-relations-experts");
        ContentCase failed = cases.findById(c.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(CaseStatus.HAND_DRAFTING);
        assertThat(failed.failureReason()).startsWith("Échec de l'IA");
        assertThat(drafts.countForCase(c.id())).isZero();
        assertThat(runtimeService
                        .createIncidentQuery()
                        .processInstanceId(pi.getId())
                        .incidentType("aiDraftFailed")
                        .singleResult()
                        .getIncidentMessage())
                .as("visible in Cockpit")
                .startsWith("Échec de l'IA");

        String handWritten =
                "Madame, Monsieur,\n\nL'expert passera chez vous jeudi 14 novembre à 10 heures.\n\nVotre conseiller";
        var saved = texts.save(task(pi).getId(), handWritten + " (brouillon)", ALICE);
        assertThat(saved.version()).isEqualTo(1);
        decide(pi, ALICE, new TaskDecision(TaskDecision.Decision.SUBMIT, handWritten));
        assertThat(pi).isWaitingAt("approve");
        assertThat(runtimeService
                        .createIncidentQuery()
                        .processInstanceId(pi.getId())
                        .count())
                .as("resolved once people wrote the content")
                .isZero();
        decide(pi, BOB, TaskDecision.Decision.APPROVE);
        assertThat(pi).variables().containsEntry("disclosureCategory", "HUMAN");
        assertThat(cases.findById(c.id()).orElseThrow().aiShare()).isEqualTo(0.0);
        discloseAndDeliver(pi);
        assertThat(pi).isEnded();
        assertThat(disclosedText(c)).isEqualTo(handWritten);
        assertThat(audit.chain(c.id()))
                .extracting(AuditEvent::type)
                .containsExactly(
                        "REQUESTED",
                        "AI_FAILED",
                        "HAND_DRAFTED",
                        "HAND_DRAFTED",
                        "DRAFT_DISPLAYED",
                        "APPROVED",
                        "DISCLOSED",
                        "DELIVERED");
        assertThat(audit.verify(c.id()).valid()).isTrue();
    }

    @Test
    void theAuditTrailIsAppendOnlyAndTamperingIsDetected() {
        ContentCase c = open("Piste d'audit");
        worker.runOnce();
        assertThat(audit.verify(c.id()).entries()).isEqualTo(2);
        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'mallory' where case_id = ?")
                        .param(c.id())
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where case_id = ?")
                        .param(c.id())
                        .update())
                .hasMessageContaining("append-only");

        // someone with the rights to switch the guard off rewrites history: the chain shows where
        transaction.executeWithoutResult(status -> {
            jdbc.sql("alter table audit_event disable trigger audit_event_append_only")
                    .update();
            jdbc.sql("update audit_event set details = replace(details, 'Piste', 'Fausse piste'),"
                            + " personal = replace(personal, 'Piste', 'Fausse piste') where case_id = ? and seq = 1")
                    .param(c.id())
                    .update();
            AuditTrail.Verification verification = audit.verify(c.id());
            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBrokenSeq()).isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(audit.verify(c.id()).valid()).isTrue();
    }

    @Test
    void aChangedPrePromptIsANewVersionAndRunningCasesKeepTheirs() {
        ContentCase before = open("Avant le changement de pré-prompt");
        String original = prompts.byLabel(before.promptVersion()).prePrompt();
        var changed = prompts.register("reply-letter", original + "\nSigne « L'équipe relation sociétaires ».");
        assertThat(changed.version())
                .isGreaterThan(prompts.byLabel(before.promptVersion()).version());
        assertThat(prompts.register("reply-letter", original).label())
                .as("same text, same version")
                .isEqualTo(before.promptVersion());
        worker.runOnce();
        assertThat(drafts.latest(before.id()).orElseThrow().promptVersion()).isEqualTo(before.promptVersion());
        assertThat(jdbc.sql("select system_prompt from case_context where case_id = ?")
                        .param(before.id())
                        .query(String.class)
                        .single())
                .isEqualTo(original);
    }

    @Test
    void whenTheMonthlyBudgetIsSpentPeopleDraftAtOnce() {
        // meeting-report: 1,000,000 tokens a month; no other test of this class uses it
        jdbc.sql("""
                insert into model_call (use_case_key, provider, model, input_tokens, output_tokens, latency_ms, cost_eur, outcome)
                values ('meeting-report', 'mistral', 'mistral-small-latest', 600000, 400000, 1000, 0.5, 'OK')""").update();
        ContentCase c = open("meeting-report", "Entretien annuel");
        ProcessInstance pi = instance(c);
        assertThat(worker.runOnce()).isEqualTo(1);
        assertThat(pi).as("no retry: the budget will not come back this month").isWaitingAt("handDraft");
        assertThat(cases.findById(c.id()).orElseThrow().failureReason()).contains("budget mensuel de 1000000 jetons");
        assertThat(drafts.countForCase(c.id())).isZero();
    }

    @Test
    void theSameExternalTaskDeliveredTwiceMakesOneDraft() {
        ContentCase c = open("Double livraison");
        String externalTaskId = engine.getExternalTaskService()
                .createExternalTaskQuery()
                .processInstanceId(c.processInstanceId())
                .singleResult()
                .getId();
        long first = drafting.draft(c.id(), externalTaskId, 0).id();
        long second = drafting.draft(c.id(), externalTaskId, 0).id();
        assertThat(second).isEqualTo(first);
        assertThat(drafts.countForCase(c.id())).isEqualTo(1);
        worker.runOnce();
        assertThat(drafts.countForCase(c.id()))
                .as("the worker reuses the stored draft")
                .isEqualTo(1);
        assertThat(audit.chain(c.id())).extracting(AuditEvent::type).containsExactly("REQUESTED", "DRAFTED");
    }

    @Test
    void disclosureRetriedAfterAFailureInTheMiddleDisclosesOnce() {
        drafter.fixedText = COMPLETE_LETTER;
        ContentCase c = open("Reprise après panne");
        ProcessInstance pi = instance(c);
        worker.runOnce();
        decide(pi, BOB, TaskDecision.Decision.ACCEPT);
        decide(pi, BOB, TaskDecision.Decision.APPROVE);
        // a node that disclosed and died before the job was marked done: the job runs again
        disclosureService.disclose(c.id(), DisclosureDecision.Category.AI_VALIDATED);
        discloseAndDeliver(pi);
        assertThat(pi).isEnded();
        assertThat(jdbc.sql("select count(*) from disclosure where case_id = ?")
                        .param(c.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void nothingIsDisclosedWithoutAnApprovalRecordedInTheEngine() {
        ContentCase c = open("Tentative de contournement");
        worker.runOnce();
        // the text and an approver are written in Tandem's table, but no approval task was completed
        cases.recordApproval(c.id(), "Texte jamais approuvé", "bob", 1.0);
        assertThatThrownBy(() -> disclosureService.disclose(c.id(), DisclosureDecision.Category.AI_VALIDATED))
                .hasMessageContaining("no approval by bob is recorded in the engine");
        assertThat(disclosures.find(c.id())).isEmpty();
    }
}
