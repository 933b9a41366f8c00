package org.tandem.governance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.content.CaseRepository;
import org.tandem.content.CaseService;
import org.tandem.content.CaseStatus;
import org.tandem.content.ContentCase;
import org.tandem.content.NewCaseRequest;
import org.tandem.content.drafting.DraftWorker;
import org.tandem.governance.EntityMode;
import org.tandem.governance.UseCaseEnablement;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.work.TaskCompletion;
import org.tandem.work.TaskDecision;

/** Every path of genai-rollout-wave.bpmn (start, training loop, monitoring, close, breach resumed or stopped). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"tandem.worker.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "demo"})
class RolloutWaveProcessIT {

    /**
     * The use case rolled out: a rejected claim summary ends its case, which makes rejection-rate
     * samples cheap. Its enablement rows and kill switch are removed after each test.
     */
    static final String USE_CASE = "claim-summary";

    /** The wave's entity, where Paul works. */
    static final String ENTITY = "agence-lyon";

    static final CurrentUser PAUL = new CurrentUser("paul", "Paul", EnumSet.of(Role.ADVISER), List.of("advisers"));
    static final CurrentUser INES =
            new CurrentUser("ines", "Inès", EnumSet.of(Role.EXPERT), List.of("experts", "claims-experts"));
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
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    ProjectRepository projects;

    @Autowired
    KpiRepository kpis;

    @Autowired
    RolloutService rollout;

    @Autowired
    LifecycleSettings settings;

    @Autowired
    UseCaseEnablement enablement;

    @Autowired
    CaseService caseService;

    @Autowired
    CaseRepository cases;

    @Autowired
    DraftWorker worker;

    @Autowired
    TaskCompletion reviews;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        clearRollout();
    }

    @AfterEach
    void reset() {
        clearRollout();
        AbstractAssertions.reset();
    }

    private void clearRollout() {
        jdbc.sql("delete from use_case_entity where use_case_key = ?")
                .param(USE_CASE)
                .update();
        jdbc.sql("delete from use_case_kill_switch where use_case_key = ?")
                .param(USE_CASE)
                .update();
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A project whose experiment chose the use case and one KPI (rejection rate, guardrail 20 %),
     * its process started at the rollout planning with the variables the idea box gives it.
     */
    private Project projectPlanningItsRollout(String title) {
        long id = projects.insert(
                new ProjectRepository.NewIdea(
                        title,
                        "Reprendre un dossier sinistre demande de relire tout l'historique.",
                        "Centre de gestion des sinistres",
                        "trente par jour",
                        "15 minutes par dossier",
                        "historique du sinistre",
                        "sinistres"),
                "ines");
        projects.recordUseCase(id, USE_CASE);
        KpiMetric metric = KpiMetric.REJECTION_RATE;
        kpis.replaceKpis(
                id,
                List.of(new KpiRepository.Kpi(
                        0, id, metric.name(), metric.unit(), metric.direction().name(), null, 5, 20)));
        ProcessInstance pi = runtimeService
                .createProcessInstanceByKey(LifecycleVariables.PROJECT_PROCESS)
                .businessKey(ProjectRepository.businessKey(id))
                .setVariables(Map.of(
                        LifecycleVariables.PROJECT_ID, id,
                        LifecycleVariables.REVIEW_PERIOD, settings.reviewPeriod(),
                        LifecycleVariables.GUARDRAIL_CHECK_INTERVAL, settings.guardrailCheckInterval()))
                .startBeforeActivity("planRollout")
                .execute();
        projects.attachProcess(id, pi.getId());
        return projects.require(id);
    }

    private ProcessInstance projectInstance(Project project) {
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(project.processInstanceId())
                .singleResult();
    }

    private long addWave(Project project, OffsetDateTime plannedStart) {
        return rollout.addWave(project.id(), new RolloutService.WaveInput(plannedStart, List.of(ENTITY), PEOPLE), MARC)
                .id();
    }

    private void train(Project project, long waveId, String... usernames) {
        for (String username : usernames) {
            rollout.recordTraining(project.id(), waveId, username, RACHEL);
        }
    }

    /** The manager completes the planning: the project's call activity starts the wave's process. */
    private ProcessInstance launch(Project project, long waveId) {
        ProcessInstance pi = projectInstance(project);
        complete(task(pi));
        assertThat(pi).hasPassed("loadWaves").isWaitingAt("rolloutWave");
        ProcessInstance wave = calledProcessInstance("genai-rollout-wave", pi);
        assertThat(wave)
                .hasBusinessKey(project.businessKey())
                .variables()
                .containsEntry(LifecycleVariables.WAVE_ID, waveId)
                .containsEntry(LifecycleVariables.GUARDRAIL_CHECK_INTERVAL, settings.guardrailCheckInterval());
        assertThat(wave).hasPassed("waveScheduled", "prepareWave").isWaitingAt("waitForStart");
        assertThat(wave).isWaitingFor(LifecycleVariables.WAVE_START_MESSAGE);
        return wave;
    }

    /** A trained wave, started by hand: enabled in its entity and monitored. */
    private ProcessInstance runningWave(Project project) {
        long waveId = addWave(project, OffsetDateTime.now().plusDays(1));
        train(project, waveId, "paul", "chloe", "rachel");
        ProcessInstance wave = launch(project, waveId);
        startByHand(wave);
        assertThat(wave).isWaitingAt("monitorTick");
        return wave;
    }

    private void startByHand(ProcessInstance wave) {
        runtimeService
                .createMessageCorrelation(LifecycleVariables.WAVE_START_MESSAGE)
                .processInstanceId(wave.getId())
                .correlate();
    }

    private long waveId(ProcessInstance wave) {
        return ((Number) runtimeService.getVariable(wave.getId(), LifecycleVariables.WAVE_ID)).longValue();
    }

    /** A claim summary requested in the wave's entity, drafted by the AI and rejected by the expert. */
    private void rejectedCase(String subject) {
        ContentCase c = caseService.open(
                new NewCaseRequest(USE_CASE, "M-1002", subject, "Dégât des eaux du 2 octobre : expertise en attente."),
                PAUL);
        assertThat(worker.runOnce()).isEqualTo(1);
        String taskId = taskService
                .createTaskQuery()
                .processInstanceId(c.processInstanceId())
                .singleResult()
                .getId();
        reviews.complete(taskId, new TaskDecision(TaskDecision.Decision.REJECT, null, null, "Synthèse erronée."), INES);
        ContentCase after = cases.findById(c.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(CaseStatus.REJECTED);
        assertThat(after.entityCode()).isEqualTo(ENTITY);
    }

    private long passes(ProcessInstance pi, String activityId) {
        return historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId())
                .activityId(activityId)
                .count();
    }

    private String storedMode() {
        return enablement.setting(USE_CASE, ENTITY).orElseThrow().mode();
    }

    // ---------------------------------------------------------------- start

    @Test
    void aTrainedWaveStartsAtItsPlannedDateKeepsMonitoringAndEndsWhenClosed() {
        Project project = projectPlanningItsRollout("Synthèse sinistres (vague à sa date)");
        OffsetDateTime plannedStart = OffsetDateTime.now().plusDays(1).truncatedTo(ChronoUnit.SECONDS);
        long waveId = addWave(project, plannedStart);
        train(project, waveId, "paul", "chloe", "rachel");
        ProcessInstance wave = launch(project, waveId);
        assertThat(jobQuery().processInstanceId(wave.getId()).count()).isEqualTo(1);
        assertThat(job(jobQuery().activityId("plannedDate"), wave)).hasDueDate(Date.from(plannedStart.toInstant()));
        assertThat(enablement.setting(USE_CASE, ENTITY)).isEmpty();

        execute(job(wave));
        assertThat(wave)
                .hasPassed("plannedDate", "toTrainingCheck", "allTrained", "enableWave", "toMonitor")
                .hasNotPassed("startedByHand", "completeTraining")
                .isWaitingAtExactly("monitorTick")
                .isNotWaitingFor(LifecycleVariables.WAVE_START_MESSAGE);
        assertThat(job(wave)).hasActivityId("monitorTick");
        assertThat(storedMode()).isEqualTo("AI");
        assertThat(rollout.wave(waveId).status()).isEqualTo("RUNNING");

        // no case has crossed a guardrail: the wave keeps running
        execute(job(wave));
        assertThat(wave).hasPassed("checkGuardrails", "waveState").isWaitingAtExactly("monitorTick");
        assertThat(wave).variables().containsEntry(LifecycleVariables.WAVE_STATE, "RUNNING");
        assertThat(passes(wave, "monitorTick")).isEqualTo(2);
        assertThat(passes(wave, "toMonitor")).as("back through the merge").isEqualTo(2);

        rollout.close(project.id(), waveId, MARC);
        execute(job(wave));
        assertThat(wave).isEnded().hasPassed("waveCompleted").hasNotPassed("pauseWave", "waveStopped");
        assertThat(passes(wave, "checkGuardrails")).isEqualTo(2);
        assertThat(storedMode()).as("a completed wave keeps the use case open").isEqualTo("AI");
    }

    @Test
    void aWaveStartedByHandWaitsUntilEveryoneIsTrained() {
        Project project = projectPlanningItsRollout("Synthèse sinistres (vague démarrée à la main)");
        long waveId = addWave(project, OffsetDateTime.now().plusDays(7));
        ProcessInstance wave = launch(project, waveId);

        startByHand(wave);
        assertThat(wave)
                .hasPassed("startedByHand", "toTrainingCheck", "allTrained")
                .hasNotPassed("plannedDate", "enableWave")
                .isWaitingAtExactly("completeTraining");
        assertThat(task(wave)).hasCandidateGroup("ai-referents");
        assertThat(jobQuery().processInstanceId(wave.getId()).count())
                .as("the planned date's timer is gone with the event gateway")
                .isZero();
        assertThat(projects.require(project.id()).stage()).isEqualTo(ProjectStage.ROLLOUT);
        assertThat(enablement.setting(USE_CASE, ENTITY)).isEmpty();

        // the task is completed while the referent is not trained: the gateway sends it back
        train(project, waveId, "paul", "chloe");
        complete(task(wave));
        assertThat(wave).isWaitingAtExactly("completeTraining");
        assertThat(passes(wave, "allTrained")).isEqualTo(2);
        assertThat(passes(wave, "completeTraining")).isEqualTo(2);
        assertThat(wave).hasNotPassed("enableWave");

        train(project, waveId, "rachel");
        complete(task(wave));
        assertThat(wave).hasPassed("enableWave").isWaitingAtExactly("monitorTick");
        assertThat(passes(wave, "allTrained")).isEqualTo(3);
        assertThat(storedMode()).isEqualTo("AI");
        assertThat(enablement.modeOf(USE_CASE, ENTITY)).isEqualTo(EntityMode.AI);
    }

    // ---------------------------------------------------------------- guardrails

    @Test
    void aKpiPastItsGuardrailPausesTheWaveAndTheManagerResumesIt() {
        Project project = projectPlanningItsRollout("Synthèse sinistres (garde-fou, reprise)");
        ProcessInstance wave = runningWave(project);
        long waveId = waveId(wave);
        rejectedCase("Sinistre habitation 1");
        rejectedCase("Sinistre habitation 2");

        execute(job(wave));
        assertThat(wave).hasPassed("checkGuardrails", "waveState", "pauseWave").isWaitingAtExactly("handleBreach");
        assertThat(wave).variables().containsEntry(LifecycleVariables.WAVE_STATE, "BREACH");
        assertThat(task(wave)).hasCandidateGroup("managers");
        assertThat(enablement.modeOf(USE_CASE, ENTITY)).isEqualTo(EntityMode.PAUSED);
        RolloutService.Wave paused = rollout.wave(waveId);
        assertThat(paused.status()).isEqualTo("PAUSED");
        assertThat(paused.pauseReason()).contains("Taux de rejet").contains("2 dossiers");

        complete(task(wave), withVariables(LifecycleVariables.BREACH_DECISION, "RESUME"));
        assertThat(wave).hasPassed("breachDecision", "resumeWave").isWaitingAtExactly("monitorTick");
        assertThat(enablement.modeOf(USE_CASE, ENTITY)).isEqualTo(EntityMode.AI);
        assertThat(rollout.wave(waveId).status()).isEqualTo("RUNNING");
        assertThat(rollout.wave(waveId).pauseReason()).isNull();

        // resumed with a fresh measurement window: the cases that paused it no longer count
        execute(job(wave));
        assertThat(wave).isWaitingAtExactly("monitorTick");
        assertThat(wave).variables().containsEntry(LifecycleVariables.WAVE_STATE, "RUNNING");
        assertThat(passes(wave, "pauseWave")).isEqualTo(1);
        assertThat(passes(wave, "toMonitor")).as("resumed, keep monitoring").isEqualTo(3);
    }

    @Test
    void aKpiPastItsGuardrailPausesTheWaveAndTheManagerStopsIt() {
        Project project = projectPlanningItsRollout("Synthèse sinistres (garde-fou, arrêt)");
        ProcessInstance wave = runningWave(project);
        long waveId = waveId(wave);
        rejectedCase("Sinistre auto 1");
        rejectedCase("Sinistre auto 2");
        execute(job(wave));
        assertThat(wave).isWaitingAtExactly("handleBreach");

        complete(task(wave), withVariables(LifecycleVariables.BREACH_DECISION, "STOP"));
        assertThat(wave)
                .isEnded()
                .hasPassed("breachDecision", "stopWave", "waveStopped")
                .hasNotPassed("resumeWave", "waveCompleted");
        assertThat(storedMode()).isEqualTo("OFF");
        assertThat(enablement.modeOf(USE_CASE, ENTITY)).isEqualTo(EntityMode.NOT_ENABLED);
        assertThat(rollout.wave(waveId).status()).isEqualTo("STOPPED");
    }

    @Test
    void theKillSwitchIsNotAPathOfTheWaveItKeepsMonitoring() {
        Project project = projectPlanningItsRollout("Synthèse sinistres (coupure)");
        ProcessInstance wave = runningWave(project);
        rollout.killUseCase(USE_CASE, true, "Exercice du plan de crise.", RACHEL);
        assertThat(enablement.modeOf(USE_CASE, ENTITY)).isEqualTo(EntityMode.KILLED);

        execute(job(wave));
        assertThat(wave).isWaitingAtExactly("monitorTick").hasNotPassed("pauseWave");
        assertThat(wave).variables().containsEntry(LifecycleVariables.WAVE_STATE, "RUNNING");
        assertThat(rollout.wave(waveId(wave)).status()).isEqualTo("RUNNING");
    }
}
