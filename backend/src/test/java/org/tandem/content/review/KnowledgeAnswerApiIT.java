package org.tandem.content.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.demo.DemoKnowledge;
import org.tandem.support.Api;
import org.tandem.support.Eventually;
import org.tandem.support.TandemIntegrationTest;

/** The AMI assistant through /api with the offline drafter, as the demo runs it with no provider configured. */
@TandemIntegrationTest
class KnowledgeAnswerApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TaskService taskService;

    @Autowired
    DemoKnowledge demoKnowledge;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        demoKnowledge.load();
    }

    @Test
    void anAdviserAsksAboutTheRulesReadsTheSourcesAndSaysTheAnswerHelped() {
        JsonNode useCases = api.get("alice", "/api/use-cases").body();
        assertThat(StreamSupport.stream(useCases.spliterator(), false)
                        .filter(u -> u.get("key").asText().equals("knowledge-answer"))
                        .findFirst()
                        .orElseThrow()
                        .get("memberRequired")
                        .asBoolean())
                .isFalse();

        Api.Response created = api.post(
                "alice",
                "/api/cases",
                Map.of(
                        "useCaseKey",
                        "knowledge-answer",
                        "subject",
                        "Bris de glace",
                        "message",
                        "Y a-t-il une franchise en cas de bris de glace sur le pare-brise ?"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("memberId").isNull()).isTrue();

        JsonNode answered = Eventually.await("the AMI answer of case " + id, Duration.ofSeconds(30), () -> {
            JsonNode view = api.get("alice", "/api/cases/" + id).body();
            return "IN_REVIEW".equals(view.get("status").asText()) ? view : null;
        });
        JsonNode draft = answered.get("draft");
        assertThat(draft.get("producer").asText()).isEqualTo("OFFLINE");
        assertThat(draft.get("text").asText()).contains("Aucun modèle d'IA").contains("[S1]");
        assertThat(draft.get("sources").size()).isPositive();
        assertThat(draft.get("sources").get(0).get("reference").asText()).isNotBlank();

        Task read = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(String.valueOf(id))
                .singleResult();
        assertThat(read.getTaskDefinitionKey()).isEqualTo("readAnswer");
        Api.Response other = api.post("paul", "/api/tasks/" + read.getId() + "/complete", Map.of("decision", "ACCEPT"));
        assertThat(other.status())
                .as("only the adviser who asked reads the answer")
                .isIn(403, 404);

        Api.Response done = api.post("alice", "/api/tasks/" + read.getId() + "/complete", Map.of("decision", "ACCEPT"));
        assertThat(done.status()).isEqualTo(200);
        JsonNode view = api.get("alice", "/api/cases/" + id).body();
        assertThat(view.get("status").asText()).isEqualTo("ANSWERED");
        assertThat(view.get("approvedBy").asText()).isEqualTo("alice");
        assertThat(jdbc.sql("select count(*) from disclosure where case_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .as("an internal answer is never disclosed")
                .isZero();
    }
}
