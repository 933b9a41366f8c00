package org.tandem.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricExternalTaskLog;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.TandemApplication;
import org.tandem.cases.CaseService;
import org.tandem.cases.NewCaseRequest;
import org.tandem.drafting.DraftWorker;
import org.tandem.security.CurrentUser;
import org.tandem.security.Role;
import org.tandem.support.Eventually;

/**
 * Camunda's cluster mode: two Tandem nodes on one PostgreSQL, both running the AI worker and the
 * job executor. Cases opened on node 1 are drafted by both nodes, each exactly once.
 */
class ClusterIntegrationTest {

    private static final int CASES = 20;

    private static ConfigurableApplicationContext node(String datasourceUrl) {
        return new SpringApplicationBuilder(TandemApplication.class)
                .profiles("demo")
                .run("--server.port=0",
                        "--spring.datasource.url=" + datasourceUrl,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--tandem.embedded-db.data-dir=",
                        "--tandem.ai.provider=offline",
                        // Cockpit keeps its engine in a static field: closing these nodes must not clear the shared test app's
                        "--camunda.bpm.webapp.enabled=false",
                        "--tandem.worker.enabled=true",
                        "--tandem.worker.poll-interval=100ms",
                        "--tandem.worker.max-concurrency=2",
                        "--tandem.worker.retry-backoff=0s",
                        "--camunda.bpm.job-execution.enabled=true",
                        "--camunda.bpm.job-execution.wait-time-in-millis=200",
                        "--camunda.bpm.job-execution.max-wait=1000");
    }

    @Test
    void twoNodesShareTheWorkAndNoCaseIsDraftedTwice() {
        try (ConfigurableApplicationContext first = node("")) {
            String url = first.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext second = node(url)) {
                var alice = new CurrentUser("alice", "Alice", EnumSet.of(Role.ADVISER), List.of("advisers"));
                CaseService cases = first.getBean(CaseService.class);
                List<Long> ids = new ArrayList<>();
                Set<String> instances = new java.util.HashSet<>();
                for (int i = 0; i < CASES; i++) {
                    var opened = cases.open(new NewCaseRequest("reply-letter", "M-1003", "Cas " + i,
                            "Message numéro " + i + "."), alice);
                    ids.add(opened.id());
                    instances.add(opened.processInstanceId());
                }
                HistoryService history = first.getBean(HistoryService.class);
                List<HistoricExternalTaskLog> done = Eventually.await("all cases drafted", Duration.ofSeconds(120),
                        () -> {
                            List<HistoricExternalTaskLog> logs = history.createHistoricExternalTaskLogQuery()
                                    .successLog().topicName(DraftWorker.TOPIC).list().stream()
                                    .filter(l -> instances.contains(l.getProcessInstanceId())).toList();
                            return logs.size() >= CASES ? logs : null;
                        });

                JdbcClient jdbc = first.getBean(JdbcClient.class);
                Map<Long, Long> draftsPerCase = new TreeMap<>();
                for (long id : ids) {
                    draftsPerCase.put(id, jdbc.sql("select count(*) from draft where case_id = ?").param(id)
                            .query(Long.class).single());
                }
                assertThat(draftsPerCase.values()).as("drafts per case").containsOnly(1L);
                assertThat(done).hasSize(CASES);
                assertThat(done.stream().map(HistoricExternalTaskLog::getProcessInstanceId).distinct()).hasSize(CASES);

                Map<String, Long> split = done.stream()
                        .collect(Collectors.groupingBy(HistoricExternalTaskLog::getWorkerId, Collectors.counting()));
                System.out.println("Cluster split of " + CASES + " drafts by worker: " + split);
                assertThat(split).as("both nodes' workers took work").hasSize(2);
            }
        }
    }
}
