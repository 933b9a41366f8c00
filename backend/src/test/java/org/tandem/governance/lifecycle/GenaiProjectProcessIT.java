package org.tandem.governance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
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
import org.tandem.governance.ideas.IdeaRequest;
import org.tandem.governance.ideas.IdeaService;
import org.tandem.governance.ideas.TriageRequest;
import org.tandem.governance.portfolio.PortfolioService;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;

/** Every gateway branch, timer and end event of genai-project.bpmn, through its real call activities and delegates. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"tandem.worker.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "demo"})
class GenaiProjectProcessIT {

    /** The use case the experiments open; its enablement rows are removed after each test. */
    static final String USE_CASE = "meeting-report";

    static final CurrentUser ALICE = new CurrentUser("alice", "Alice", EnumSet.of(Role.ADVISER), List.of("advisers"));
    static final CurrentUser MARC = new CurrentUser("marc", "Marc", EnumSet.of(Role.MANAGER), List.of("managers"));
    static final CurrentUser RACHEL =
            new CurrentUser("rachel", "Rachel", EnumSet.of(Role.AI_REFERENT), List.of("ai-referents"));
    static final List<RolloutService.PersonInput> PEOPLE = List.of(
            new RolloutService.PersonInput("paul", RolloutService.PersonRole.USER),
            new RolloutService.PersonInput("chloe", RolloutService.PersonRole.TUTOR),
            new RolloutService.PersonInput("rachel", RolloutService.PersonRole.REFERENT));

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    IdeaService ideas;

    @Autowired
    ProjectRepository projects;

    @Autowired
    ExperimentService experiments;

    @Autowired
    RolloutService rollout;

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

    // ---------------------------------------------------------------- helpers

    /** An idea from the idea box: the real service writes the project and starts its process. */
    private Project submit(String title) {
        return ideas.submit(
                new IdeaRequest(
                        title,
                        "Rédiger le compte-rendu d'un entretien prend du temps et retarde l'envoi au sociétaire.",
                        "Conseillers de l'agence",
                        "une dizaine de fois par jour",
                        "20 minutes par compte-rendu",
                        "notes d'entretien",
                        "reseau"),
                ALICE);
    }

    private ProcessInstance instance(Project project) {
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(project.processInstanceId())
                .singleResult();
    }

    private ProjectStage stage(Project project) {
        return projects.require(project.id()).stage();
    }

    private void triage(ProcessInstance pi, TriageRequest.Decision decision) {
        assertThat(pi).isWaitingAt("triage");
        complete(task(pi), withVariables(LifecycleVariables.TRIAGE_DECISION, decision.name()));
    }

    private void acceptAndScore(ProcessInstance pi, PortfolioService.Selection selection) {
        triage(pi, TriageRequest.Decision.ACCEPT);
        assertThat(pi).isWaitingAt("necessity");
        complete(task(pi));
        assertThat(pi).isWaitingAt("scoring");
        complete(task(pi), withVariables(LifecycleVariables.SELECTION_DECISION, selection.name()));
    }

    /** The committee's review, a call activity: returns the called instance, ended with the outcome. */
    private ProcessInstance ethics(ProcessInstance pi, String gateActivity, EthicsService.Outcome outcome) {
        assertThat(pi).isWaitingAt(gateActivity);
        ProcessInstance review = calledProcessInstance("genai-ethics-review", pi);
        complete(task(review), withVariables(LifecycleVariables.ETHICS_OUTCOME, outcome.name()));
        assertThat(review).isEnded().hasPassed("reviewed");
        return review;
    }

    /** The experiment, a call activity: set up by the real service (its delegate opens the pilots), then decided. */
    private ProcessInstance experiment(ProcessInstance pi, Project project, ExperimentService.Decision decision) {
        assertThat(pi).isWaitingAt("experiment");
        ProcessInstance sub = calledProcessInstance("genai-experiment", pi);
        assertThat(sub).isWaitingAt("setupExperiment").hasBusinessKey(project.businessKey());
        experiments.setUp(
                project.id(),
                new ExperimentSetup(
                        USE_CASE,
                        List.of("agence-niort"),
                        List.of("agence-lyon"),
                        List.of("alice"),
                        List.of(new ExperimentSetup.KpiInput(KpiMetric.REJECTION_RATE, null, 5.0, 20.0)),
                        null),
                MARC);
        assertThat(sub).isWaitingAt("experimentDecision");
        assertThat(storedMode("agence-niort"))
                .as("opened to the pilot by startExperiment")
                .isEqualTo("AI");
        complete(task(sub), withVariables(LifecycleVariables.EXPERIMENT_DECISION, decision.name()));
        assertThat(sub).isEnded();
        return sub;
    }

    private long passes(ProcessInstance pi, String activityId) {
        return historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId())
                .activityId(activityId)
                .count();
    }

    private String storedMode(String entity) {
        return enablement.setting(USE_CASE, entity).orElseThrow().mode();
    }

    private long wave(Project project, OffsetDateTime plannedStart, String entity) {
        long waveId = rollout.addWave(
                        project.id(), new RolloutService.WaveInput(plannedStart, List.of(entity), PEOPLE), MARC)
                .id();
        PEOPLE.forEach(p -> rollout.recordTraining(project.id(), waveId, p.username(), RACHEL));
        return waveId;
    }

    // ---------------------------------------------------------------- triage

    @Test
    void aDuplicateIdeaIsMergedAndEnds() {
        Project project = submit("Compte-rendu (doublon)");
        ProcessInstance pi = instance(project);
        assertThat(pi).hasPassed("ideaSubmitted").isWaitingAtExactly("triage");
        assertThat(task(pi)).hasCandidateGroup("ai-referents");
        assertThat(stage(project)).isEqualTo(ProjectStage.TRIAGE);

        triage(pi, TriageRequest.Decision.MERGE);
        assertThat(pi).isEnded().hasPassed("triageDecision", "ideaMerged").hasNotPassed("ideaRejected", "necessity");
        assertThat(stage(project)).isEqualTo(ProjectStage.MERGED);
    }

    @Test
    void aRejectedIdeaEnds() {
        Project project = submit("Compte-rendu (écarté)");
        ProcessInstance pi = instance(project);
        triage(pi, TriageRequest.Decision.REJECT);
        assertThat(pi).isEnded().hasPassed("triageDecision", "ideaRejected").hasNotPassed("ideaMerged", "necessity");
        assertThat(stage(project)).isEqualTo(ProjectStage.REJECTED);
    }

    // ---------------------------------------------------------------- necessity, scoring, selection

    @Test
    void anAcceptedIdeaIsJustifiedThenScoredAndTheDirectorateCanDeclineIt() {
        Project project = submit("Compte-rendu (non retenu)");
        ProcessInstance pi = instance(project);
        triage(pi, TriageRequest.Decision.ACCEPT);
        assertThat(pi).hasPassed("triageDecision").isWaitingAtExactly("necessity");
        assertThat(task(pi)).hasCandidateGroup("ai-referents");
        assertThat(stage(project)).isEqualTo(ProjectStage.NECESSITY);

        complete(task(pi));
        assertThat(pi).isWaitingAtExactly("scoring");
        assertThat(task(pi)).hasCandidateGroup("directorate");
        assertThat(stage(project)).isEqualTo(ProjectStage.SCORING);

        complete(task(pi), withVariables(LifecycleVariables.SELECTION_DECISION, "DECLINE"));
        assertThat(pi).isEnded().hasPassed("selection", "notSelected").hasNotPassed("ethicsBeforeExperiment");
        assertThat(stage(project)).isEqualTo(ProjectStage.NOT_SELECTED);
    }

    // ---------------------------------------------------------------- ethics before the experiment

    @Test
    void theCommitteeRefusesASelectedProjectBeforeTheExperiment() {
        Project project = submit("Compte-rendu (refusé par le comité)");
        ProcessInstance pi = instance(project);
        acceptAndScore(pi, PortfolioService.Selection.SELECT);
        assertThat(pi).hasPassed("selection", "toEthics").isWaitingAtExactly("ethicsBeforeExperiment");
        ProcessInstance review = calledProcessInstance("genai-ethics-review", pi);
        assertThat(review).hasBusinessKey(project.businessKey()).isWaitingAt("ethicsReview");
        assertThat(review)
                .variables()
                .containsEntry(LifecycleVariables.ETHICS_GATE, "EXPERIMENT")
                .containsEntry(LifecycleVariables.PROJECT_ID, project.id());
        assertThat(stage(project)).isEqualTo(ProjectStage.ETHICS);

        ethics(pi, "ethicsBeforeExperiment", EthicsService.Outcome.REJECT);
        assertThat(pi)
                .isEnded()
                .hasPassed("ethicsOutcomeBefore", "rejectedByEthics")
                .hasNotPassed("rework", "experiment");
        assertThat(stage(project)).isEqualTo(ProjectStage.REJECTED);
    }

    @Test
    void reworkReturnsToTheCommitteeWhoseConditionalApprovalStartsAnExperimentThatIsThenStopped() {
        Project project = submit("Compte-rendu (retravaillé puis arrêté)");
        ProcessInstance pi = instance(project);
        acceptAndScore(pi, PortfolioService.Selection.SELECT);

        ethics(pi, "ethicsBeforeExperiment", EthicsService.Outcome.REWORK);
        assertThat(pi).hasPassed("ethicsOutcomeBefore").isWaitingAtExactly("rework");
        assertThat(task(pi)).hasCandidateGroup("ai-referents");
        assertThat(stage(project)).isEqualTo(ProjectStage.REWORK);

        complete(task(pi));
        assertThat(pi).isWaitingAtExactly("ethicsBeforeExperiment");
        assertThat(passes(pi, "toEthics")).as("back through the merge").isEqualTo(2);
        assertThat(stage(project)).isEqualTo(ProjectStage.ETHICS);

        ethics(pi, "ethicsBeforeExperiment", EthicsService.Outcome.APPROVE_WITH_CONDITIONS);
        assertThat(pi).hasPassed("toExperiment").isWaitingAtExactly("experiment");
        assertThat(passes(pi, "ethicsBeforeExperiment")).isEqualTo(2);

        experiment(pi, project, ExperimentService.Decision.STOP);
        assertThat(pi)
                .isEnded()
                .hasPassed("experimentOutcome", "closeStopped", "stopped")
                .hasNotPassed("ethicsBeforeRollout");
        assertThat(stage(project)).isEqualTo(ProjectStage.STOPPED);
        assertThat(storedMode("agence-niort")).as("closed by closeUseCase").isEqualTo("OFF");
        assertThat(storedMode("agence-lyon")).isEqualTo("OFF");
    }

    // ---------------------------------------------------------------- ethics before the rollout

    @Test
    void sentBackByTheCommitteeBeforeTheRolloutTheProjectIsExperimentedAgainThenRefused() {
        Project project = submit("Compte-rendu (déploiement refusé)");
        ProcessInstance pi = instance(project);
        acceptAndScore(pi, PortfolioService.Selection.SELECT);
        ethics(pi, "ethicsBeforeExperiment", EthicsService.Outcome.APPROVE);
        experiment(pi, project, ExperimentService.Decision.GENERALISE);
        assertThat(pi).hasPassed("experimentOutcome").isWaitingAtExactly("ethicsBeforeRollout");
        ProcessInstance review = calledProcessInstance("genai-ethics-review", pi);
        assertThat(review).variables().containsEntry(LifecycleVariables.ETHICS_GATE, "ROLLOUT");

        ethics(pi, "ethicsBeforeRollout", EthicsService.Outcome.REWORK);
        assertThat(pi).hasPassed("ethicsOutcomeRollout").isWaitingAtExactly("experiment");
        assertThat(passes(pi, "toExperiment")).as("back through the merge").isEqualTo(2);
        assertThat(pi).hasNotPassed("rework");
        assertThat(stage(project)).isEqualTo(ProjectStage.EXPERIMENT);

        experiment(pi, project, ExperimentService.Decision.GENERALISE);
        assertThat(passes(pi, "experiment")).isEqualTo(2);
        assertThat(storedMode("agence-niort")).isEqualTo("AI");

        ethics(pi, "ethicsBeforeRollout", EthicsService.Outcome.REJECT);
        assertThat(pi)
                .isEnded()
                .hasPassed("closeRejected", "rejectedBeforeRollout")
                .hasNotPassed("planRollout", "closeStopped");
        assertThat(passes(pi, "ethicsBeforeRollout")).isEqualTo(2);
        assertThat(stage(project)).isEqualTo(ProjectStage.REJECTED);
        assertThat(storedMode("agence-niort")).as("closed by closeUseCase").isEqualTo("OFF");
    }

    // ---------------------------------------------------------------- rollout and production

    @Test
    void approvedForRolloutItsWavesRunOneAfterTheOtherThenTheUseCaseIsReviewedUntilRetired() {
        Project project = submit("Compte-rendu (déployé puis retiré)");
        ProcessInstance pi = instance(project);
        acceptAndScore(pi, PortfolioService.Selection.SELECT);
        ethics(pi, "ethicsBeforeExperiment", EthicsService.Outcome.APPROVE);
        experiment(pi, project, ExperimentService.Decision.GENERALISE);
        ethics(pi, "ethicsBeforeRollout", EthicsService.Outcome.APPROVE);
        assertThat(pi).hasPassed("ethicsOutcomeRollout").isWaitingAtExactly("planRollout");
        assertThat(task(pi)).hasCandidateGroup("managers");
        assertThat(stage(project)).isEqualTo(ProjectStage.ROLLOUT_PLANNING);

        OffsetDateTime tomorrow = OffsetDateTime.now().plusDays(1).truncatedTo(ChronoUnit.SECONDS);
        long first = wave(project, tomorrow, "agence-lyon");
        long second = wave(project, tomorrow.plusDays(7), "agence-nantes");
        complete(task(pi));
        assertThat(pi).hasPassed("planRollout", "loadWaves").isWaitingAt("rolloutWave");
        assertThat(pi).variables().containsEntry(LifecycleVariables.WAVE_IDS, List.of(first, second));

        // the first wave starts at its date (timer), the second one by hand (message); each is closed
        ProcessInstance wave1 = calledProcessInstance("genai-rollout-wave", pi);
        assertThat(wave1)
                .hasBusinessKey(project.businessKey())
                .variables()
                .containsEntry(LifecycleVariables.WAVE_ID, first);
        execute(job(wave1));
        assertThat(wave1).hasPassed("plannedDate", "enableWave").isWaitingAt("monitorTick");
        assertThat(storedMode("agence-lyon")).isEqualTo("AI");
        assertThat(enablement.setting(USE_CASE, "agence-nantes"))
                .as("not before its own wave")
                .isEmpty();
        rollout.close(project.id(), first, MARC);
        execute(job(wave1));
        assertThat(wave1).isEnded().hasPassed("waveCompleted");

        assertThat(pi).isWaitingAt("rolloutWave");
        ProcessInstance wave2 = calledProcessInstance("genai-rollout-wave", pi);
        assertThat(wave2).variables().containsEntry(LifecycleVariables.WAVE_ID, second);
        runtimeService
                .createMessageCorrelation(LifecycleVariables.WAVE_START_MESSAGE)
                .processInstanceId(wave2.getId())
                .correlate();
        assertThat(wave2).hasPassed("startedByHand", "enableWave").isWaitingAt("monitorTick");
        assertThat(storedMode("agence-nantes")).isEqualTo("AI");
        rollout.close(project.id(), second, MARC);
        execute(job(wave2));
        assertThat(wave2).isEnded().hasPassed("waveCompleted");

        // in production: the periodic review falls due, the use case keeps running, then is retired
        assertThat(pi).hasPassed("rolloutWave", "inProduction").isWaitingAtExactly("reviewDue");
        assertThat(passes(pi, "rolloutWave")).as("one call per wave").isEqualTo(2);
        assertThat(stage(project)).isEqualTo(ProjectStage.PRODUCTION);
        assertThat(job(pi)).hasActivityId("reviewDue");

        execute(job(pi));
        assertThat(pi).isWaitingAtExactly("periodicReview");
        assertThat(task(pi)).hasCandidateGroup("managers");
        complete(task(pi), withVariables(LifecycleVariables.REVIEW_DECISION, "CONTINUE"));
        assertThat(pi).hasPassed("reviewOutcome").isWaitingAtExactly("reviewDue");
        assertThat(passes(pi, "inProduction"))
                .as("kept running: back through the merge")
                .isEqualTo(2);
        assertThat(stage(project)).isEqualTo(ProjectStage.PRODUCTION);

        execute(job(pi));
        complete(task(pi), withVariables(LifecycleVariables.REVIEW_DECISION, "RETIRE"));
        assertThat(pi).isEnded().hasPassed("closeRetired", "retired");
        assertThat(passes(pi, "periodicReview")).isEqualTo(2);
        assertThat(stage(project)).isEqualTo(ProjectStage.RETIRED);
        for (String entity : List.of("agence-niort", "agence-lyon", "agence-nantes")) {
            assertThat(storedMode(entity))
                    .as(entity + " closed by closeUseCase")
                    .isEqualTo("OFF");
            assertThat(enablement.modeOf(USE_CASE, entity)).isEqualTo(EntityMode.NOT_ENABLED);
        }
    }
}
