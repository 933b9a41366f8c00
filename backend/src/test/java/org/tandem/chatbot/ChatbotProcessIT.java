package org.tandem.chatbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.EnumSet;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.content.CaseService;
import org.tandem.content.ContentCase;
import org.tandem.content.DisclosureRepository;
import org.tandem.content.NewCaseRequest;
import org.tandem.content.drafting.DraftWorker;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.platform.usecase.PromptAuthorizations;
import org.tandem.work.TaskCompletion;
import org.tandem.work.TaskDecision;

/**
 * The member chatbot variant on the real engine: no answer reaches a member without the standing
 * authorisation an AI referent records; hand-off to an adviser; sampled post-review. External
 * tasks, jobs and timers are executed explicitly.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"tandem.worker.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "demo"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatbotProcessIT {

    static final CurrentUser PORTAL =
            new CurrentUser("portal", "Portail", EnumSet.of(Role.SERVICE), List.of("services"));
    static final CurrentUser ALICE = new CurrentUser("alice", "Alice", EnumSet.of(Role.ADVISER), List.of("advisers"));
    static final CurrentUser BOB =
            new CurrentUser("bob", "Bob", EnumSet.of(Role.EXPERT), List.of("experts", "member-relations-experts"));
    static final CurrentUser RACHEL =
            new CurrentUser("rachel", "Rachel", EnumSet.of(Role.AI_REFERENT), List.of("ai-referents"));

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    org.tandem.work.DraftDisplays displays;

    @Autowired
    CaseService caseService;

    @Autowired
    DraftWorker worker;

    @Autowired
    TaskCompletion reviews;

    @Autowired
    DisclosureRepository disclosures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.tandem.quality.evaluation.EvaluationWorker evaluations;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        worker.runOnce();
    }

    @AfterEach
    void reset() {
        AbstractAssertions.reset();
    }

    private ProcessInstance ask(String question) {
        ContentCase c = caseService.open(new NewCaseRequest("member-chatbot", "M-1004", question, question), PORTAL);
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(c.processInstanceId())
                .singleResult();
    }

    private long caseId(ProcessInstance pi) {
        return Long.parseLong(pi.getBusinessKey());
    }

    private void adviserAnswers(ProcessInstance pi, String answer) {
        assertThat(pi).isWaitingAt("handDraft");
        assertThat(task(pi)).hasCandidateGroup("advisers");
        reviews.complete(task(pi).getId(), new TaskDecision(TaskDecision.Decision.SUBMIT, answer), ALICE);
        displays.record(task(pi).getId(), ALICE, 5_000);
        reviews.complete(task(pi).getId(), new TaskDecision(TaskDecision.Decision.APPROVE, null), ALICE);
        execute(job(pi));
    }

    @Test
    @Order(1)
    void withoutAStandingAuthorisationEveryAnswerGoesToAnAdviser() {
        ProcessInstance pi = ask("Comment déclarer un bris de glace ?");
        worker.runOnce();
        assertThat(pi).hasPassed("checkAuthorization").hasNotPassed("answerMember");
        assertThat(disclosures.find(caseId(pi))).isEmpty();
        adviserAnswers(pi, "Bonjour, vous pouvez déclarer un bris de glace depuis votre espace sociétaire.");
        assertThat(pi).isEnded().hasPassed("answeredByAdviser");
        var disclosure = disclosures.find(caseId(pi)).orElseThrow();
        assertThat(disclosure.category())
                .as("the adviser's own words; the offline drafter's message was no model's")
                .isEqualTo("HUMAN");
        assertThat(disclosure.label()).isNull();
        assertThat(disclosure.channel()).isEqualTo("espace-societaire");
        assertThat(disclosure.provenance()).isNotBlank();
    }

    @Test
    @Order(2)
    void anAiReferentAuthorisesUnattendedAnswersForThePromptVersion() {
        // the version in service was evaluated on the chatbot's reference set (the quality loop's run)
        evaluations.runOnce();
        var authorization = taskService
                .createTaskQuery()
                .taskDefinitionKey(PromptAuthorizations.AUTHORIZE_TASK)
                .processInstanceBusinessKeyLike("member-chatbot@v%")
                .singleResult();
        assertThat(authorization)
                .as("the chatbot's version in service waits for a person's authorisation")
                .isNotNull();
        assertThatThrownBy(() -> reviews.complete(
                        authorization.getId(), new TaskDecision(TaskDecision.Decision.APPROVE, null), BOB))
                .as("only the AI referents' group")
                .hasMessageContaining("réservée");
        assertThatThrownBy(() -> reviews.complete(
                        authorization.getId(), new TaskDecision(TaskDecision.Decision.APPROVE, null), RACHEL))
                .as("not before the whole pre-prompt was displayed")
                .hasMessageContaining("Affichez le texte en entier");
        displays.record(authorization.getId(), RACHEL, 8_000);
        assertThat(reviews.complete(
                        authorization.getId(), new TaskDecision(TaskDecision.Decision.APPROVE, null), RACHEL))
                .isEmpty();

        ProcessInstance pi = ask("Quels sont vos horaires ?");
        worker.runOnce();
        assertThat(pi).isWaitingAt("answerMember");
        // a model's answer (the offline drafter stands in for the provider in this context)
        jdbc.sql("update draft set producer = 'MODEL', model = 'test-model' where case_id = ?")
                .param(caseId(pi))
                .update();
        execute(job(pi));
        var answer = disclosures.find(caseId(pi)).orElseThrow();
        assertThat(answer.category()).isEqualTo("AI_ONLY");
        assertThat(answer.label()).contains("intelligence artificielle générative");
        assertThat(answer.citeSources()).isTrue();
        assertThat(answer.digitalSourceType()).endsWith("/trainedAlgorithmicMedia");
        assertThat(answer.marker())
                .contains("\"authorisedByRole\":\"ai-referents\"")
                .contains("\"authorisedBy\":\"p-")
                .doesNotContain("rachel")
                .contains("\"humanValidated\":false");
        assertThat(pi).isWaitingAt("afterAnswer");

        // the member asks for a person: an adviser takes over and answers in their own name
        runtimeService
                .createMessageCorrelation("handoffRequested")
                .processInstanceBusinessKey(pi.getBusinessKey())
                .correlate();
        adviserAnswers(pi, "Bonjour, nos conseillers vous répondent du lundi au samedi, de 8 h 30 à 19 h.");
        assertThat(pi).isEnded();
        assertThat(jdbc.sql("select count(*) from disclosure where case_id = ?")
                        .param(caseId(pi))
                        .query(Long.class)
                        .single())
                .as("the AI's answer, then the adviser's")
                .isEqualTo(2);
        assertThat(disclosures.find(caseId(pi)).orElseThrow().disclosedText()).contains("lundi au samedi");
    }

    @Test
    @Order(3)
    void theOfflineDraftersFixedMessageGoesOutWithoutAnAiLabel() {
        ProcessInstance pi = ask("Puis-je résilier mon contrat ?");
        runtimeService.setVariable(pi.getId(), "sampled", false);
        worker.runOnce();
        assertThat(pi).isWaitingAt("answerMember");
        execute(job(pi));
        var answer = disclosures.find(caseId(pi)).orElseThrow();
        assertThat(answer.disclosedText()).contains("mode hors-ligne");
        assertThat(answer.category())
                .as("no model wrote a word of it: it is not labelled as AI")
                .isEqualTo("HUMAN");
        assertThat(answer.label()).isNull();
        assertThat(answer.citeSources()).isFalse();
        assertThat(answer.digitalSourceType()).endsWith("/digitalCreation");
        assertThat(answer.marker()).contains("\"aiGenerated\":false");
    }

    @Test
    @Order(4)
    void aSampledAnswerIsReviewedAfterTheFactAndAWrongOneGoesToAnAdviser() {
        ProcessInstance pi = ask("Ma franchise est de combien ?");
        runtimeService.setVariable(pi.getId(), "sampled", true);
        worker.runOnce();
        execute(job(pi));
        assertThat(pi).isWaitingAt("afterAnswer");
        execute(job(pi)); // the conversation window's timer
        assertThat(pi).isWaitingAt("postReview");
        assertThat(task(pi)).hasCandidateGroup("member-relations-experts");
        assertThatThrownBy(() ->
                        reviews.complete(task(pi).getId(), new TaskDecision(TaskDecision.Decision.REJECT, null), BOB))
                .hasMessageContaining("ce qui ne va pas");
        reviews.complete(
                task(pi).getId(),
                new TaskDecision(TaskDecision.Decision.REJECT, null, null, "La franchise dépend du contrat."),
                BOB);
        adviserAnswers(pi, "Bonjour, votre franchise auto est de 300 euros selon votre contrat.");
        assertThat(pi).isEnded();
    }

    @Test
    @Order(5)
    void anUnsampledAnswerClosesWhenTheWindowEnds() {
        ProcessInstance pi = ask("Comment modifier mon RIB ?");
        runtimeService.setVariable(pi.getId(), "sampled", false);
        worker.runOnce();
        execute(job(pi));
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("closed").hasNotPassed("postReview");
    }

    @Test
    @Order(6)
    void aSampledAnswerIsJudgedCorrectOnlyOnceDisplayedInFull() {
        ProcessInstance pi = ask("Puis-je payer ma cotisation par mois ?");
        runtimeService.setVariable(pi.getId(), "sampled", true);
        worker.runOnce();
        execute(job(pi));
        execute(job(pi));
        assertThat(pi).isWaitingAt("postReview");
        String id = task(pi).getId();
        assertThatThrownBy(() -> reviews.complete(id, new TaskDecision(TaskDecision.Decision.ACCEPT, null), BOB))
                .hasMessageContaining("Affichez le texte en entier");
        displays.record(id, BOB, 6_000);
        reviews.complete(id, new TaskDecision(TaskDecision.Decision.ACCEPT, null), BOB);
        assertThat(pi).isEnded().hasPassed("closed");
    }
}
