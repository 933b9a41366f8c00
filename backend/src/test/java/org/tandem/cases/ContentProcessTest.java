package org.tandem.cases;

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
import org.tandem.audit.AuditEvent;
import org.tandem.audit.AuditTrail;
import org.tandem.disclosure.DisclosureDecision;
import org.tandem.disclosure.DisclosureRepository;
import org.tandem.disclosure.DisclosureService;
import org.tandem.drafting.DraftRepository;
import org.tandem.drafting.DraftWorker;
import org.tandem.drafting.DraftingService;
import org.tandem.drafting.OfflineDrafter;
import org.tandem.review.ReviewService;
import org.tandem.review.TaskDecision;
import org.tandem.security.CurrentUser;
import org.tandem.security.Role;
import org.tandem.usecase.UseCaseCatalog;

/**
 * The content process on the real engine and PostgreSQL, with the AI worker and the job executor
 * switched off: each external task and job is executed explicitly by the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "tandem.worker.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "demo"})
class ContentProcessTest {

    static final CurrentUser ALICE = new CurrentUser("alice", "Alice", EnumSet.of(Role.ADVISER), List.of("advisers"));
    static final CurrentUser BOB = new CurrentUser("bob", "Bob", EnumSet.of(Role.EXPERT),
            List.of("experts", "member-relations-experts"));

    /** The offline drafter, which a test can make fail like an unreachable provider. */
    static class FlakyDrafter extends OfflineDrafter {
        volatile boolean failing;

        FlakyDrafter(UseCaseCatalog useCases) {
            super(useCases);
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            if (failing) {
                throw new IllegalStateException("HTTP 503 from the provider");
            }
            return super.doChat(request);
        }
    }

    @TestConfiguration
    static class Config {
        @Bean
        @org.springframework.context.annotation.Primary
        FlakyDrafter flakyDrafter(UseCaseCatalog useCases) {
            return new FlakyDrafter(useCases);
        }
    }

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired CaseService caseService;
    @Autowired CaseRepository cases;
    @Autowired DraftWorker worker;
    @Autowired DraftingService drafting;
    @Autowired DraftRepository drafts;
    @Autowired ReviewService reviews;
    @Autowired DisclosureService disclosureService;
    @Autowired DisclosureRepository disclosures;
    @Autowired FlakyDrafter drafter;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;
    @Autowired TransactionTemplate transaction;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        drafter.failing = false;
        // other tests of this class may have left work behind; each test drives its own case
        worker.runOnce();
    }

    @AfterEach
    void reset() {
        drafter.failing = false;
        AbstractAssertions.reset();
    }

    private ContentCase open(String subject) {
        return caseService.open(new NewCaseRequest("reply-letter", "M-1002", subject,
                "Bonjour, mon dégât des eaux date du 2 octobre et je n'ai aucune nouvelle de l'expert."), ALICE);
    }

    private ProcessInstance instance(ContentCase c) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(c.processInstanceId()).singleResult();
    }

    @Test
    void letterPathDraftReviewApproveDisclose() {
        ContentCase c = open("Dégât des eaux");
        ProcessInstance pi = instance(c);
        assertThat(pi).hasPassed("assembleContext").isWaitingAt("aiDraft").externalTask().hasTopicName(DraftWorker.TOPIC);

        assertThat(worker.runOnce()).isEqualTo(1);
        assertThat(pi).isWaitingAt("review");
        assertThat(task(pi)).hasCandidateGroup("member-relations-experts").isNotAssigned();
        assertThat(cases.findById(c.id()).orElseThrow().status()).isEqualTo(CaseStatus.IN_REVIEW);
        String draft = drafts.latest(c.id()).orElseThrow().text();

        reviews.complete(task(pi).getId(), new TaskDecision(TaskDecision.Decision.APPROVE, draft), BOB);
        assertThat(pi).hasPassed("review", "disclosurePolicy").isWaitingAt("disclose");
        assertThat(pi).variables().containsEntry("aiShare", 1.0).containsEntry("approvedBy", "bob")
                .containsEntry("disclosureCategory", "AI_VALIDATED");

        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("disclose", "disclosed");
        var disclosure = disclosures.find(c.id()).orElseThrow();
        assertThat(disclosure.disclosedText()).startsWith(draft).contains("validé par un collaborateur");
        assertThat(cases.findById(c.id()).orElseThrow().status()).isEqualTo(CaseStatus.DISCLOSED);

        assertThat(audit.chain(c.id())).extracting(AuditEvent::type)
                .containsExactly("REQUESTED", "DRAFTED", "APPROVED", "DISCLOSED");
        assertThat(audit.chain(c.id())).extracting(AuditEvent::actor)
                .containsExactly("alice", "ai:offline-drafter", "bob", "system");
        assertThat(audit.verify(c.id()).valid()).isTrue();
        assertThat(jdbc.sql("select provider from model_call where case_id = ?").param(c.id()).query(String.class).list())
                .as("the offline drafter's call is recorded, with zero footprint").containsExactly("offline");
    }

    @Test
    void theAuditTrailIsAppendOnlyAndTamperingIsDetected() {
        ContentCase c = open("Piste d'audit");
        worker.runOnce();
        assertThat(audit.verify(c.id()).entries()).isEqualTo(2);
        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'mallory' where case_id = ?")
                .param(c.id()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where case_id = ?").param(c.id()).update())
                .hasMessageContaining("append-only");

        // someone with the rights to switch the guard off rewrites history: the chain shows where
        transaction.executeWithoutResult(status -> {
            jdbc.sql("alter table audit_event disable trigger audit_event_append_only").update();
            jdbc.sql("update audit_event set details = replace(details, 'Piste', 'Fausse piste') where case_id = ? and seq = 1")
                    .param(c.id()).update();
            AuditTrail.Verification verification = audit.verify(c.id());
            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBrokenSeq()).isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(audit.verify(c.id()).valid()).isTrue();
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

        String handWritten = "Madame, Monsieur,\n\nL'expert passera chez vous jeudi 14 novembre à 10 heures.\n\nVotre conseiller";
        reviews.complete(task(pi).getId(), new TaskDecision(TaskDecision.Decision.SUBMIT, handWritten), ALICE);
        assertThat(pi).isWaitingAt("review");
        reviews.complete(task(pi).getId(), new TaskDecision(TaskDecision.Decision.APPROVE, handWritten), BOB);
        assertThat(pi).variables().containsEntry("aiShare", 0.0).containsEntry("disclosureCategory", "HUMAN_WITH_AI");
        execute(job(pi));
        assertThat(pi).isEnded();
        assertThat(disclosures.find(c.id()).orElseThrow().disclosedText()).isEqualTo(handWritten);
        assertThat(audit.chain(c.id())).extracting(AuditEvent::type)
                .containsExactly("REQUESTED", "AI_FAILED", "HAND_DRAFTED", "APPROVED", "DISCLOSED");
        assertThat(audit.verify(c.id()).valid()).isTrue();
    }

    @Test
    void theSameExternalTaskDeliveredTwiceMakesOneDraft() {
        ContentCase c = open("Double livraison");
        String externalTaskId = engine.getExternalTaskService().createExternalTaskQuery()
                .processInstanceId(c.processInstanceId()).singleResult().getId();
        long first = drafting.draft(c.id(), externalTaskId, 0).id();
        long second = drafting.draft(c.id(), externalTaskId, 0).id();
        assertThat(second).isEqualTo(first);
        assertThat(drafts.countForCase(c.id())).isEqualTo(1);
        worker.runOnce();
        assertThat(drafts.countForCase(c.id())).as("the worker reuses the stored draft").isEqualTo(1);
        assertThat(audit.chain(c.id())).extracting(AuditEvent::type).containsExactly("REQUESTED", "DRAFTED");
    }

    @Test
    void disclosureRetriedAfterAFailureInTheMiddleDisclosesOnce() {
        ContentCase c = open("Reprise après panne");
        ProcessInstance pi = instance(c);
        worker.runOnce();
        reviews.complete(task(pi).getId(), new TaskDecision(TaskDecision.Decision.APPROVE, "Texte approuvé."), BOB);
        var decision = new DisclosureDecision(DisclosureDecision.Category.AI_VALIDATED, "Mention", false);
        // a node that disclosed and died before the job was marked done: the job runs again
        disclosureService.disclose(c.id(), decision);
        execute(job(pi));
        assertThat(pi).isEnded();
        assertThat(jdbc.sql("select count(*) from disclosure where case_id = ?").param(c.id()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void nothingIsDisclosedWithoutAnApprovalRecordedInTheEngine() {
        ContentCase c = open("Tentative de contournement");
        worker.runOnce();
        // the text and an approver are written in Tandem's table, but no approval task was completed
        cases.recordApproval(c.id(), "Texte jamais approuvé", "bob", 1.0);
        assertThatThrownBy(() -> disclosureService.disclose(c.id(),
                new DisclosureDecision(DisclosureDecision.Category.AI_VALIDATED, "Mention", false)))
                .hasMessageContaining("no approval by bob is recorded in the engine");
        assertThat(disclosures.find(c.id())).isEmpty();
    }
}
