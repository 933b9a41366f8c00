package org.tandem.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.platform.web.ApiException;

/** The daily review of stale documents on the real engine; the timer job is executed by the test. */
@KnowledgeTest
class KnowledgeReviewProcessIT {

    static final CurrentUser INES =
            new CurrentUser("ines", "Inès", EnumSet.of(Role.EXPERT), List.of("experts", "claims-experts"));
    static final CurrentUser BOB =
            new CurrentUser("bob", "Bob", EnumSet.of(Role.EXPERT), List.of("experts", "member-relations-experts"));

    @Autowired
    ProcessEngine engine;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    KnowledgeIngestion ingestion;

    @Autowired
    KnowledgeRepository repository;

    @Autowired
    KnowledgeReviews reviews;

    @Autowired
    KnowledgeRetriever retriever;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void reset() {
        AbstractAssertions.reset();
    }

    private void runDailyTimer() {
        Job timer = managementService
                .createJobQuery()
                .processDefinitionKey(KnowledgeReviews.PROCESS_KEY)
                .timers()
                .singleResult();
        assertThat(timer).as("the daily timer of knowledge-review").isNotNull();
        managementService.executeJob(timer.getId());
    }

    private ProcessInstance review(String reference) {
        return runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(KnowledgeReviews.PROCESS_KEY)
                .processInstanceBusinessKey("knowledge:" + reference)
                .singleResult();
    }

    private void stale(String reference) {
        ingestion.ingest(
                new DocumentInput(
                        reference,
                        "t-review",
                        "Document " + reference,
                        "## Règle\n\nLa franchise est de 150 euros par sinistre.",
                        "ines",
                        "claims-experts",
                        LocalDate.now().minusDays(400),
                        365),
                "rachel");
    }

    @Test
    void theDailyTimerOpensOneReviewPerStaleDocumentForItsOwnerAndCompletingItRecordsTheReview() {
        stale("T-REV-01");
        ingestion.ingest(
                new DocumentInput(
                        "T-REV-02",
                        "t-review",
                        "Document à jour",
                        "## Règle\n\nTexte à jour.",
                        "ines",
                        "claims-experts",
                        LocalDate.now().minusDays(10),
                        365),
                "rachel");

        runDailyTimer();
        ProcessInstance pi = review("T-REV-01");
        assertThat(pi).isNotNull();
        assertThat(pi).isWaitingAt(KnowledgeReviews.TASK);
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(task)
                .hasName("Relire le document")
                .hasCandidateUser("ines")
                .hasCandidateGroup("claims-experts")
                .isNotAssigned();
        assertThat(review("T-REV-02"))
                .as("a document within its interval is not reviewed")
                .isNull();
        assertThat(reviews.openFor(INES))
                .extracting(KnowledgeReviews.ReviewTask::reference)
                .contains("T-REV-01");
        assertThat(reviews.openFor(BOB)).isEmpty();

        // the next day's run does not open a second review while this one is open
        runDailyTimer();
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey("knowledge:T-REV-01")
                        .count())
                .isEqualTo(1);

        assertThatThrownBy(() -> reviews.complete(task.getId(), ReviewDecision.confirm(null), BOB))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("réservée à un autre groupe");
        // the task list shows which document each review is about
        assertThat(jdbc.sql("select subject from inbox_task where task_id = ?")
                        .param(task.getId())
                        .query(String.class)
                        .single())
                .isEqualTo("Document T-REV-01 (T-REV-01)");
        reviews.complete(task.getId(), ReviewDecision.confirm("Vérifié avec le barème 2026."), INES);

        assertThat(pi).isEnded().hasPassed("recordReview", "reviewed");
        KnowledgeDocument reviewed = repository.findByReference("T-REV-01").orElseThrow();
        assertThat(reviewed.lastReviewed()).isEqualTo(LocalDate.now());
        assertThat(reviewed.lastReviewedBy()).isEqualTo("ines");
        assertThat(reviewed.version()).isEqualTo(2);
        assertThat(reviewed.staleOn(LocalDate.now())).isFalse();
        assertThat(historyService
                        .createHistoricTaskInstanceQuery()
                        .processInstanceId(pi.getId())
                        .singleResult()
                        .getAssignee())
                .isEqualTo("ines");
    }

    private Task openReview(String reference) {
        stale(reference);
        runDailyTimer();
        ProcessInstance pi = review(reference);
        assertThat(pi).isWaitingAt(KnowledgeReviews.TASK);
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private List<String> decisions(String reference) {
        return jdbc.sql("""
                        select r.decision || ':' || coalesce(r.comment, '') || ':' || r.decided_by || ':' || r.document_version
                        from knowledge_review r join knowledge_document d on d.id = r.document_id
                        where d.reference = ? order by r.id""").param(reference).query(String.class).list();
    }

    @Test
    void theOwnerUpdatesTheDocumentFromTheReviewTheNewVersionCountsAsTodaysReview() {
        Task task = openReview("T-REV-03");
        ProcessInstance pi = review("T-REV-03");

        assertThatThrownBy(() -> reviews.complete(
                        task.getId(), new ReviewDecision(ReviewDecision.Decision.UPDATE, null, null, "  "), INES))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.field()).isEqualTo("body"))
                .hasMessage("Le contenu mis à jour du document est obligatoire.");
        assertThat(pi).isWaitingAt(KnowledgeReviews.TASK);

        reviews.complete(
                task.getId(),
                new ReviewDecision(
                        ReviewDecision.Decision.UPDATE,
                        "Barème 2026.",
                        "Franchise dégâts des eaux 2026",
                        "## Règle\n\nLa franchise est de 170 euros par sinistre depuis le 1er janvier 2026."),
                INES);

        assertThat(pi).isEnded().hasPassed("updated").hasNotPassed("recordReview", "retireDocument");
        KnowledgeDocument d = repository.findByReference("T-REV-03").orElseThrow();
        assertThat(d.title()).isEqualTo("Franchise dégâts des eaux 2026");
        assertThat(d.body()).contains("170 euros");
        assertThat(d.version()).isEqualTo(2);
        assertThat(d.lastReviewed()).isEqualTo(LocalDate.now());
        assertThat(d.lastReviewedBy()).isEqualTo("ines");
        assertThat(d.staleOn(LocalDate.now())).isFalse();
        assertThat(repository.passages(d.id()))
                .singleElement()
                .satisfies(p -> assertThat(p.text()).contains("170 euros"));
        assertThat(decisions("T-REV-03")).containsExactly("UPDATE:Barème 2026.:ines:2");
        // the process variables hold the decision's flag, not the content nor the comment
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId())
                        .list())
                .extracting(v -> v.getName())
                .contains("decision")
                .doesNotContain("comment", "body");
    }

    @Test
    void theOwnerRetiresTheDocumentWithAReasonItIsNoLongerRetrievedNorReviewed() {
        Task task = openReview("T-REV-04");
        ProcessInstance pi = review("T-REV-04");
        assertThat(retriever.search("franchise 150 euros sinistre", Set.of("t-review"), 20))
                .extracting(RetrievedPassage::reference)
                .contains("T-REV-04");

        assertThatThrownBy(() -> reviews.complete(
                        task.getId(), new ReviewDecision(ReviewDecision.Decision.RETIRE, " ", null, null), INES))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.field()).isEqualTo("comment"))
                .hasMessage("Indiquez pourquoi le document est retiré.");
        reviews.complete(
                task.getId(),
                new ReviewDecision(ReviewDecision.Decision.RETIRE, "Produit arrêté en 2026.", null, null),
                INES);

        assertThat(pi).isEnded().hasPassed("retireDocument", "retiredEnd").hasNotPassed("recordReview");
        KnowledgeDocument d = repository.findByReference("T-REV-04").orElseThrow();
        assertThat(d.retired()).isTrue();
        assertThat(d.retiredBy()).isEqualTo("ines");
        assertThat(d.staleOn(LocalDate.now()))
                .as("a retired document is not stale")
                .isFalse();
        assertThat(decisions("T-REV-04")).containsExactly("RETIRE:Produit arrêté en 2026.:ines:2");
        assertThat(retriever.search("franchise 150 euros sinistre", Set.of("t-review"), 20))
                .extracting(RetrievedPassage::reference)
                .doesNotContain("T-REV-04");
        // no new review the next day
        runDailyTimer();
        assertThat(review("T-REV-04")).isNull();
    }

    @Test
    void aReviewCompletedWithoutADecisionChangesNothingAndTheDocumentIsReviewedAgainTheNextDay() {
        Task task = openReview("T-REV-05");
        ProcessInstance pi = review("T-REV-05");
        // e.g. from Camunda's own task list, without Tandem's screen
        taskService.complete(task.getId());

        assertThat(pi).isEnded().hasPassed("needsUpdate");
        KnowledgeDocument d = repository.findByReference("T-REV-05").orElseThrow();
        assertThat(d.version()).isEqualTo(1);
        assertThat(d.staleOn(LocalDate.now())).isTrue();
        runDailyTimer();
        assertThat(review("T-REV-05")).isNotNull();
    }
}
