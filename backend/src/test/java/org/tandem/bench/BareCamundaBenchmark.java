package org.tandem.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * P1's baseline: bare Camunda 7 (no Tandem) on PostgreSQL, history full, running a process of the
 * content process's shape with no-op steps — a service task, an external task served by a polling
 * worker, review and approval user tasks, a decision step and an asynchronous disclosure — driven
 * through the Java API. Prints cases per second. Not part of the normal suite (bench/p1-throughput.sh).
 *   mvn -o -q test -Dtest=BareCamundaBenchmark -Dbench.cases=200
 */
class BareCamundaBenchmark {

    @Test
    void bareCamundaCasesPerSecond() throws Exception {
        int cases = Integer.getInteger("bench.cases", 200);
        int reviewers = Integer.getInteger("bench.reviewers", 4);
        // cases run first and not counted, as on Tandem's side: the ratio compares steady states
        int warmup = Integer.getInteger("bench.warmup", 1000);
        var dir = Files.createTempDirectory("bare-camunda-pg");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(true)
                // durable commits, as Tandem's side has them (its data folder is kept): same cost per commit
                .setServerConfig("synchronous_commit", "on")
                .start()) {
            ProcessEngineConfiguration config = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                    .setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"))
                    .setJdbcUsername("postgres")
                    .setJdbcPassword("")
                    .setJdbcDriver("org.postgresql.Driver")
                    .setDatabaseSchemaUpdate("true")
                    .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                    .setJobExecutorActivate(true)
                    .setJdbcMaxActiveConnections(20);
            ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) config)
                    .setEnforceHistoryTimeToLive(false);
            ProcessEngine engine = config.buildProcessEngine();
            BpmnModelInstance model = Bpmn.createExecutableProcess("bare-content")
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .serviceTask("assembleContext")
                    .camundaExpression("${true}")
                    .serviceTask("aiDraft")
                    .camundaType("external")
                    .camundaTopic("ai-draft")
                    .userTask("review")
                    .camundaCandidateGroups("experts")
                    .userTask("approve")
                    .camundaCandidateGroups("experts")
                    .serviceTask("disclosurePolicy")
                    .camundaExpression("${true}")
                    .serviceTask("disclose")
                    .camundaAsyncBefore()
                    .camundaExpression("${true}")
                    .endEvent()
                    .done();
            engine.getRepositoryService()
                    .createDeployment()
                    .addModelInstance("bare-content.bpmn", model)
                    .deploy();

            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(reviewers + 2);
            pool.submit(() -> {
                while (running.get()) {
                    var locked = engine.getExternalTaskService()
                            .fetchAndLock(16, "bench")
                            .topic("ai-draft", 60_000)
                            .execute();
                    for (LockedExternalTask task : locked) {
                        engine.getExternalTaskService().complete(task.getId(), "bench");
                    }
                    if (locked.isEmpty()) {
                        sleep(50);
                    }
                }
            });
            for (int r = 0; r < reviewers; r++) {
                int me = r;
                pool.submit(() -> {
                    while (running.get()) {
                        var tasks = new java.util.ArrayList<>(engine.getTaskService()
                                .createTaskQuery()
                                .taskCandidateGroup("experts")
                                .listPage(0, 10));
                        java.util.Collections.shuffle(tasks);
                        for (Task task : tasks) {
                            try {
                                engine.getTaskService().claim(task.getId(), "reviewer" + me);
                                engine.getTaskService().complete(task.getId());
                            } catch (RuntimeException concurrent) {
                                // another reviewer took it
                            }
                        }
                        if (tasks.isEmpty()) {
                            sleep(50);
                        }
                    }
                });
            }
            for (int i = 0; i < warmup; i++) {
                engine.getRuntimeService().startProcessInstanceByKey("bare-content", "warm-up-" + i);
            }
            while (engine.getHistoryService()
                            .createHistoricProcessInstanceQuery()
                            .finished()
                            .count()
                    < warmup) {
                sleep(100);
            }
            long t0 = System.nanoTime();
            pool.submit(() -> {
                for (int i = 0; i < cases; i++) {
                    engine.getRuntimeService().startProcessInstanceByKey("bare-content", String.valueOf(i));
                }
            });
            while (engine.getHistoryService()
                            .createHistoricProcessInstanceQuery()
                            .finished()
                            .count()
                    < warmup + cases) {
                sleep(100);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            engine.close();
            System.out.printf("P1 bare Camunda: %d cases in %.1f s = %.2f cases/s%n", cases, seconds, cases / seconds);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
