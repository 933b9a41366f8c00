package org.tandem.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
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

        assertThatThrownBy(() -> reviews.complete(task.getId(), new ReviewDecision(true, null), BOB))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("réservée à un autre groupe");
        reviews.complete(task.getId(), new ReviewDecision(true, "Vérifié avec le barème 2026."), INES);

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

    @Test
    void aDocumentFoundOutOfDateStaysStaleAndNeedsACommentSayingWhy() {
        stale("T-REV-03");
        runDailyTimer();
        ProcessInstance pi = review("T-REV-03");
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();

        assertThatThrownBy(() -> reviews.complete(task.getId(), new ReviewDecision(false, " "), INES))
                .isInstanceOf(ApiException.class)
                .hasMessage("Indiquez ce qui doit être mis à jour dans le document.");
        reviews.complete(task.getId(), new ReviewDecision(false, "La franchise est passée à 170 euros."), INES);

        assertThat(pi).isEnded().hasPassed("needsUpdate").hasNotPassed("recordReview");
        KnowledgeDocument d = repository.findByReference("T-REV-03").orElseThrow();
        assertThat(d.version()).isEqualTo(1);
        assertThat(d.staleOn(LocalDate.now())).isTrue();

        // still stale: the next run opens a new review
        runDailyTimer();
        assertThat(review("T-REV-03")).isNotNull();
    }
}
