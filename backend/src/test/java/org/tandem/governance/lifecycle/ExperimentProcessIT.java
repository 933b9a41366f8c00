package org.tandem.governance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.governance.EntityMode;
import org.tandem.governance.UseCaseEnablement;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;

/** Every path of genai-experiment.bpmn (stop, generalise, the adjust loop) on the real engine and delegates. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"tandem.worker.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "demo"})
class ExperimentProcessIT {

    /** The use case under experiment; its enablement rows are removed after each test. */
    static final String USE_CASE = "meeting-report";

    static final CurrentUser MARC = new CurrentUser("marc", "Marc", EnumSet.of(Role.MANAGER), List.of("managers"));

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    ProjectRepository projects;

    @Autowired
    ExperimentService experiments;

    @Autowired
    UseCaseEnablement enablement;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        clearEnablement();
    }

    @AfterEach
    void reset() {
        clearEnablement();
        AbstractAssertions.reset();
    }

    private void clearEnablement() {
        jdbc.sql("delete from use_case_entity where use_case_key = ?")
                .param(USE_CASE)
                .update();
    }

    /** A project row (as the idea box writes it) and its experiment, started as the project's call activity does. */
    private long newProject(String title) {
        return projects.insert(
                new ProjectRepository.NewIdea(
                        title,
                        "Rédiger le compte-rendu d'un entretien prend du temps.",
                        "Conseillers en agence",
                        "dix par jour",
                        "20 minutes",
                        "notes d'entretien",
                        "reseau"),
                "alice");
    }

    private ProcessInstance startExperiment(long projectId) {
        return runtimeService.startProcessInstanceByKey(
                "genai-experiment",
                ProjectRepository.businessKey(projectId),
                Map.of(LifecycleVariables.PROJECT_ID, projectId));
    }

    private void setUp(long projectId, List<String> pilots, List<String> controls) {
        experiments.setUp(
                projectId,
                new ExperimentSetup(
                        USE_CASE,
                        pilots,
                        controls,
                        List.of("alice"),
                        List.of(new ExperimentSetup.KpiInput(KpiMetric.REJECTION_RATE, null, 5.0, 20.0)),
                        null),
                MARC);
    }

    private void decide(ProcessInstance pi, ExperimentService.Decision decision) {
        complete(task(pi), withVariables(LifecycleVariables.EXPERIMENT_DECISION, decision.name()));
    }

    private long passes(ProcessInstance pi, String activityId) {
        return historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId())
                .activityId(activityId)
                .count();
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
    void theSetUpOpensTheUseCaseToThePilotsAndStopEndsTheExperiment() {
        long id = newProject("Expérimentation arrêtée");
        ProcessInstance pi = startExperiment(id);
        assertThat(pi).hasPassed("experimentRequested", "toSetup").isWaitingAt("setupExperiment");
        assertThat(task(pi)).hasCandidateGroup("managers");
        assertThat(projects.require(id).stage()).isEqualTo(ProjectStage.EXPERIMENT);

        setUp(id, List.of("agence-niort"), List.of("agence-lyon"));
        assertThat(pi).hasPassed("setupExperiment", "startExperiment").isWaitingAt("experimentDecision");
        assertThat(task(pi)).hasCandidateGroup("managers");
        assertThat(enablement.modeOf(USE_CASE, "agence-niort")).isEqualTo(EntityMode.AI);
        assertThat(enablement.modeOf(USE_CASE, "agence-lyon")).isEqualTo(EntityMode.CONTROL);
        assertThat(projects.require(id).experimentStartedAt()).isNotNull();

        decide(pi, ExperimentService.Decision.STOP);
        assertThat(pi).isEnded().hasPassed("decision", "experimentDone");
        assertThat(passes(pi, "setupExperiment")).isEqualTo(1);
        assertThat(endValue(pi, LifecycleVariables.EXPERIMENT_DECISION))
                .as("returned to the project by the call activity")
                .isEqualTo("STOP");
    }

    @Test
    void generaliseEndsTheExperimentByTheSameDefaultFlow() {
        long id = newProject("Expérimentation généralisée");
        ProcessInstance pi = startExperiment(id);
        setUp(id, List.of("agence-niort"), List.of());
        assertThat(pi).isWaitingAt("experimentDecision");

        decide(pi, ExperimentService.Decision.GENERALISE);
        assertThat(pi).isEnded().hasPassed("decision", "experimentDone");
        assertThat(passes(pi, "setupExperiment")).isEqualTo(1);
        assertThat(endValue(pi, LifecycleVariables.EXPERIMENT_DECISION)).isEqualTo("GENERALISE");
    }

    @Test
    void adjustGoesBackToTheSetUpAndStartsTheExperimentAgain() {
        long id = newProject("Expérimentation ajustée");
        ProcessInstance pi = startExperiment(id);
        setUp(id, List.of("agence-niort"), List.of("agence-lyon"));
        var firstStart = projects.require(id).experimentStartedAt();

        decide(pi, ExperimentService.Decision.ADJUST);
        assertThat(pi)
                .hasPassed("decision", "toSetup")
                .isWaitingAt("setupExperiment")
                .isNotEnded();
        assertThat(passes(pi, "setupExperiment")).as("the set-up again").isEqualTo(2);
        assertThat(passes(pi, "startExperiment")).isEqualTo(1);
        assertThat(task(pi)).hasCandidateGroup("managers");

        setUp(id, List.of("agence-niort", "agence-lyon"), List.of());
        assertThat(pi).isWaitingAt("experimentDecision");
        assertThat(passes(pi, "startExperiment")).isEqualTo(2);
        assertThat(enablement.modeOf(USE_CASE, "agence-lyon"))
                .as("adjusted: Lyon joins the pilots")
                .isEqualTo(EntityMode.AI);
        assertThat(projects.require(id).experimentStartedAt())
                .as("the experiment keeps its first start")
                .isEqualTo(firstStart);

        decide(pi, ExperimentService.Decision.STOP);
        assertThat(pi).isEnded().hasPassed("experimentDone");
        assertThat(passes(pi, "experimentDecision")).isEqualTo(2);
        assertThat(endValue(pi, LifecycleVariables.EXPERIMENT_DECISION)).isEqualTo("STOP");
    }
}
