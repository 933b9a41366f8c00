package org.tandem.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.support.TandemIntegrationTest;

/**
 * The engine keeps its full history but logs a job only when it fails (issue 18): a deadline timer removed
 * with its task and an asynchronous step that went well leave no job-log row; a failing step leaves its
 * failure, message included; the instance's other history (activities, variables) is still written.
 */
@TandemIntegrationTest
class JobLogOfFailuresIT {

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Test
    void onlyAFailedJobIsLogged() throws InterruptedException {
        String key = "job-log-" + UUID.randomUUID().toString().substring(0, 8);
        BpmnModelInstance model = Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("fine")
                .camundaAsyncBefore()
                .camundaExpression("${execution.setVariable('seen', true)}")
                .userTask("wait")
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
            Task wait = await(() ->
                            tasks.createTaskQuery().processInstanceId(instance).count() == 1)
                    ? tasks.createTaskQuery().processInstanceId(instance).singleResult()
                    : null;
            assertThat(wait).as("the asynchronous step ran").isNotNull();
            tasks.complete(wait.getId());
            assertThat(await(() -> !logs(instance).isEmpty()))
                    .as("the failing step's failure is logged")
                    .isTrue();

            List<HistoricJobLog> logs = logs(instance);
            assertThat(logs).allMatch(HistoricJobLog::isFailureLog);
            assertThat(logs.get(0).getJobExceptionMessage()).isNotBlank();
            assertThat(logs.get(0).getActivityId()).isEqualTo("broken");
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
            assertThat(history.createHistoricDetailQuery()
                            .processInstanceId(instance)
                            .variableUpdates()
                            .count())
                    .isEqualTo(1);
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
