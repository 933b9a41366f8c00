package org.tandem.governance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;

/** Pins the single path of genai-ethics-review.bpmn for both gates and every outcome it returns to the project. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"tandem.worker.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "demo"})
class EthicsReviewProcessIT {

    static final CurrentUser ERIC =
            new CurrentUser("eric", "Éric", EnumSet.of(Role.ETHICS), List.of("ethics-committee"));

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    ProjectRepository projects;

    @Autowired
    EthicsService ethics;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void reset() {
        AbstractAssertions.reset();
    }

    private long newProject(String title) {
        return projects.insert(
                new ProjectRepository.NewIdea(
                        title,
                        "Reprendre un dossier demande de relire tout son historique.",
                        "Centre de gestion des sinistres",
                        "trente par jour",
                        "15 minutes",
                        "historique du sinistre",
                        "sinistres"),
                "ines");
    }

    /** Started as the project's call activities start it: its business key, its id and the gate. */
    private ProcessInstance startReview(long projectId, String gate) {
        return runtimeService.startProcessInstanceByKey(
                "genai-ethics-review",
                ProjectRepository.businessKey(projectId),
                Map.of(LifecycleVariables.PROJECT_ID, projectId, LifecycleVariables.ETHICS_GATE, gate));
    }

    /** The nine criteria, judged in turn favourable, with reservations and unfavourable. */
    private static List<EthicsService.CriterionVerdict> mixedVerdicts() {
        EthicsService.Verdict[] verdicts = EthicsService.Verdict.values();
        List<EthicsService.CriterionVerdict> list = new ArrayList<>();
        for (EthicsCriterion c : EthicsCriterion.values()) {
            list.add(new EthicsService.CriterionVerdict(
                    c, verdicts[c.ordinal() % verdicts.length], "Examiné en séance : " + c.label()));
        }
        return list;
    }

    private Object endValue(ProcessInstance pi, String variable) {
        return historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName(variable)
                .singleResult()
                .getValue();
    }

    @Test
    void theCommitteeReviewsBeforeTheExperimentAndTheReviewEnds() {
        long id = newProject("Synthèse des dossiers (comité avant expérimentation)");
        ProcessInstance pi = startReview(id, "EXPERIMENT");
        assertThat(pi).hasPassed("reviewRequested").isWaitingAtExactly("ethicsReview");
        assertThat(task(pi)).hasCandidateGroup("ethics-committee").isNotAssigned();
        assertThat(projects.require(id).stage()).isEqualTo(ProjectStage.ETHICS);

        var review = ethics.record(
                id,
                mixedVerdicts(),
                EthicsService.Outcome.APPROVE_WITH_CONDITIONS,
                "Aucune donnée de santé dans les historiques transmis.",
                ERIC);
        assertThat(pi).isEnded().hasPassed("ethicsReview", "reviewed");
        assertThat(endValue(pi, LifecycleVariables.ETHICS_OUTCOME)).isEqualTo("APPROVE_WITH_CONDITIONS");
        assertThat(review.gate()).as("read from the process variable").isEqualTo("EXPERIMENT");
        assertThat(review.verdicts())
                .extracting(EthicsService.VerdictRow::verdict)
                .containsOnly("FAVOURABLE", "RESERVED", "UNFAVOURABLE")
                .hasSize(9);
        assertThat(projects.require(id).stage())
                .as("the end event marks no stage: the caller's next step does")
                .isEqualTo(ProjectStage.ETHICS);
    }

    @ParameterizedTest
    @EnumSource(EthicsService.Outcome.class)
    void beforeTheRolloutEveryOutcomeEndsTheReviewAndIsReturnedToTheCaller(EthicsService.Outcome outcome) {
        long id = newProject("Synthèse des dossiers (comité avant déploiement, " + outcome + ")");
        ProcessInstance pi = startReview(id, "ROLLOUT");
        assertThat(pi).isWaitingAtExactly("ethicsReview");

        var review = ethics.record(
                id,
                mixedVerdicts(),
                outcome,
                outcome == EthicsService.Outcome.APPROVE ? null : "Motif du comité : " + outcome,
                ERIC);
        assertThat(pi).isEnded().hasPassed("reviewRequested", "ethicsReview", "reviewed");
        assertThat(endValue(pi, LifecycleVariables.ETHICS_OUTCOME)).isEqualTo(outcome.name());
        assertThat(review.gate()).isEqualTo("ROLLOUT");
        assertThat(review.outcome()).isEqualTo(outcome.name());
    }
}
