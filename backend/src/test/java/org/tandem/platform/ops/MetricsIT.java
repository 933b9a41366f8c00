package org.tandem.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.tandem.content.CaseService;
import org.tandem.content.NewCaseRequest;
import org.tandem.content.drafting.WorkloadMeters;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.support.Eventually;
import org.tandem.support.TandemIntegrationTest;

/** Prometheus scrape: Tandem's meters and Camunda's, for administrators (and service accounts) only. */
@TandemIntegrationTest
class MetricsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseService cases;

    @Autowired
    WorkloadMeters workload;

    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String scrape(String user, int expectedStatus) throws Exception {
        var request = MockMvcRequestBuilders.get("/actuator/prometheus");
        var response = mvc.perform(user == null ? request : request.with(httpBasic(user, user)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(expectedStatus);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void administratorsScrapeTandemsAndCamundasMeters() throws Exception {
        var alice = new CurrentUser("alice", "Alice", java.util.EnumSet.of(Role.ADVISER), List.of("advisers"));
        long caseId = cases.open(
                        new NewCaseRequest(
                                "reply-letter", "M-1003", "Métriques", "Un message pour alimenter les métriques."),
                        alice)
                .id();
        // the offline drafter's call is recorded (and published) by the worker
        Eventually.await(
                "a model call for the case",
                Duration.ofSeconds(30),
                () -> jdbc.sql("select count(*) from model_call where case_id = ?")
                                .param(caseId)
                                .query(Long.class)
                                .single()
                        > 0);
        Eventually.await(
                "the review task",
                Duration.ofSeconds(30),
                () -> taskService
                                .createTaskQuery()
                                .taskCandidateGroup("member-relations-experts")
                                .count()
                        > 0);
        workload.refresh();

        String body = scrape("admin", 200);
        assertThat(body)
                .contains(
                        "tandem_model_calls_total{",
                        "tandem_model_latency_seconds_bucket{",
                        "tandem_model_tokens_total{",
                        "direction=\"in\"",
                        "tandem_model_cost_eur_total{",
                        "tandem_model_energy_wh_total{",
                        "tandem_model_co2e_kg_total{",
                        "kind=\"embodied\"",
                        "kind=\"usage\"",
                        "provider=\"offline\"",
                        "outcome=\"success\"",
                        "tandem_tasks_open{",
                        "tandem_external_tasks_backlog{",
                        "topic=\"draft-text\"",
                        "tandem_drafts{",
                        "outcome=\"hand-drafted\"",
                        "camunda_metrics{",
                        "name=\"activity-instance-start\"",
                        "camunda_incidents_open",
                        "jvm_memory_used_bytes",
                        "hikaricp_connections");
        assertThat(body).contains("group=\"member-relations-experts\"");
        // no case, user or prompt in any label
        assertThat(body).doesNotContain("alice", "Métriques", "case_id");
    }

    @Test
    void othersAreRefused() throws Exception {
        int anonymous = mvc.perform(MockMvcRequestBuilders.get("/actuator/prometheus"))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(anonymous).isIn(401, 302);
        scrape("alice", 403);
        scrape("bob", 403);
    }
}
