package org.tandem.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.support.TandemIntegrationTest;

/**
 * The engine keeps its history of record and writes nothing nobody reads (issue 18): an asynchronous step that went
 * well leaves its success (with the node that ran it), a failing step its failure (with its message), a deadline
 * timer removed with its task nothing, and no job its creation; no log of each variable update, no identity links;
 * activities, tasks and the variables' values are still written.
 */
@TandemIntegrationTest
class EngineHistoryLevelIT {

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    ExternalTaskService external;

    @Test
    void onlyTheHistoryOfRecordIsWritten() throws InterruptedException {
        String key = "job-log-" + UUID.randomUUID().toString().substring(0, 8);
        BpmnModelInstance model = Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("fine")
                .camundaAsyncBefore()
                .camundaExpression("${execution.setVariable('seen', true)}")
                .serviceTask("outside")
                .camundaType("external")
                .camundaTopic(key)
                .userTask("wait")
                .camundaCandidateGroups("experts")
                .boundaryEvent("late")
                .cancelActivity(false)
                .timerWithDuration("PT1H")
                .endEvent()
                .moveToActivity("wait")
                .serviceTask("broken")
                .camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle("R2/PT1H")
                .camundaExpression("${execution.getVariable('missing').length()}")
                .endEvent()
                .done();
        Deployment deployment = repository
                .createDeployment()
                .addModelInstance(key + ".bpmn", model)
                .deploy();
        try {
            String instance = runtime.startProcessInstanceByKey(key).getId();
            assertThat(await(() -> external.createExternalTaskQuery()
                                    .processInstanceId(instance)
                                    .count()
                            == 1))
                    .as("the asynchronous step ran")
                    .isTrue();
            for (LockedExternalTask locked :
                    external.fetchAndLock(1, "history-test").topic(key, 60_000).execute()) {
                external.complete(locked.getId(), "history-test");
            }
            Task wait = await(() ->
                            tasks.createTaskQuery().processInstanceId(instance).count() == 1)
                    ? tasks.createTaskQuery().processInstanceId(instance).singleResult()
                    : null;
            assertThat(wait).as("the external task was completed").isNotNull();
            tasks.complete(wait.getId());
            assertThat(await(() -> logs(instance).stream().anyMatch(HistoricJobLog::isFailureLog)))
                    .as("the failing step's failure is logged")
                    .isTrue();

            List<HistoricJobLog> logs = logs(instance);
            assertThat(logs)
                    .as("one success, one failure: no creation, no removal of the timer")
                    .hasSize(2);
            HistoricJobLog success = logs.stream()
                    .filter(HistoricJobLog::isSuccessLog)
                    .findFirst()
                    .orElseThrow();
            assertThat(success.getActivityId()).isEqualTo("fine");
            assertThat(success.getHostname()).isNotBlank();
            HistoricJobLog failure = logs.stream()
                    .filter(HistoricJobLog::isFailureLog)
                    .findFirst()
                    .orElseThrow();
            assertThat(failure.getActivityId()).isEqualTo("broken");
            assertThat(failure.getJobExceptionMessage()).isNotBlank();
            // the rest of the history is as full as before
            assertThat(history.createHistoricActivityInstanceQuery()
                            .processInstanceId(instance)
                            .activityId("fine")
                            .finished()
                            .count())
                    .isEqualTo(1);
            assertThat(history.createHistoricVariableInstanceQuery()
                            .processInstanceId(instance)
                            .variableName("seen")
                            .count())
                    .isEqualTo(1);
            assertThat(history.createHistoricTaskInstanceQuery()
                            .processInstanceId(instance)
                            .taskDefinitionKey("wait")
                            .finished()
                            .count())
                    .isEqualTo(1);
            // the external task's run is logged, not its creation
            assertThat(history.createHistoricExternalTaskLogQuery()
                            .processInstanceId(instance)
                            .list())
                    .extracting(log -> log.isSuccessLog())
                    .containsExactly(true);
            // the variable's value is kept above; the log of its updates and the task's identity links are not
            assertThat(history.createHistoricDetailQuery()
                            .processInstanceId(instance)
                            .count())
                    .isZero();
            assertThat(history.createHistoricIdentityLinkLogQuery()
                            .processDefinitionKey(key)
                            .count())
                    .isZero();
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    private List<HistoricJobLog> logs(String instance) {
        return history.createHistoricJobLogQuery().processInstanceId(instance).list();
    }

    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }
}
