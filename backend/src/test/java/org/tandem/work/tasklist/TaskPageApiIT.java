package org.tandem.work.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.support.Api;
import org.tandem.support.Eventually;
import org.tandem.support.TandemIntegrationTest;

/** What the task page reads and sends besides the decision: form, comments, diagram, full display. */
@TandemIntegrationTest
class TaskPageApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    private long openAndAwaitReview(String subject) {
        Api.Response created = api.post(
                "alice",
                "/api/cases",
                Map.of(
                        "useCaseKey",
                        "reply-letter",
                        "memberId",
                        "M-1001",
                        "subject",
                        subject,
                        "message",
                        "Bonjour, où en est le remboursement de ma facture de soins ?"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        Eventually.await(
                "the AI draft of case " + id,
                Duration.ofSeconds(20),
                () -> "IN_REVIEW"
                        .equals(api.get("alice", "/api/cases/" + id)
                                .body()
                                .get("status")
                                .asText()));
        return id;
    }

    private String awaitTask(String user, long caseId, String taskKey) {
        return Eventually.await(taskKey + " task of case " + caseId, Duration.ofSeconds(10), () -> {
            JsonNode tasks = api.get(user, "/api/tasks").body().path("items");
            return StreamSupport.stream(tasks.spliterator(), false)
                    .filter(t -> t.get("caseId").asLong() == caseId
                            && t.get("taskKey").asText().equals(taskKey))
                    .map(t -> t.get("id").asText())
                    .findFirst()
                    .orElse(null);
        });
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    @Test
    void theTaskFormComesFromFormsFilledWithTheCase() {
        long id = openAndAwaitReview("Formulaire de relecture");
        String taskId = awaitTask("bob", id, "review");
        Api.Response form = api.get("bob", "/api/tasks/" + taskId + "/form");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body().get("formKey").asText()).isEqualTo("review");
        assertThat(form.body().get("schema").get("components").isArray()).isTrue();
        JsonNode data = form.body().get("data");
        assertThat(data.get("subject").asText()).isEqualTo("Formulaire de relecture");
        assertThat(data.get("draftText").asText()).contains("Formulaire de relecture");
        assertThat(data.has("requestedBy")).as("only the keys the form shows").isFalse();
        Api.Response other = api.get("ines", "/api/tasks/" + taskId + "/form");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body().get("message").asText()).contains("réservée");
    }

    @Test
    void commentsAreKeptByTheEngineForTheWholeCase() {
        long id = openAndAwaitReview("Commentaires");
        String review = awaitTask("bob", id, "review");
        Api.Response empty = api.post("bob", "/api/tasks/" + review + "/comments", Map.of("message", "  "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("fieldErrors").get("message").asText())
                .isEqualTo("Le commentaire ne peut pas être vide.");
        Api.Response added = api.post(
                "bob",
                "/api/tasks/" + review + "/comments",
                Map.of("message", "Vérifier la date du virement avec la comptabilité."));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().get("author").asText()).isEqualTo("bob");
        assertThat(api.post("ines", "/api/tasks/" + review + "/comments", Map.of("message", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(api.post("bob", "/api/tasks/" + review + "/complete", Map.of("decision", "EDIT"))
                        .status())
                .isEqualTo(200);
        // the next task of the case shows the reviewer's comment
        String edit = awaitTask("chloe", id, "edit");
        JsonNode comments = api.get("chloe", "/api/tasks/" + edit + "/comments").body();
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).get("message").asText())
                .isEqualTo("Vérifier la date du virement avec la comptabilité.");
        assertThat(comments.get(0).get("author").asText()).isEqualTo("bob");
        assertThat(comments.get(0).get("thisTask").asBoolean()).isFalse();
    }

    @Test
    void theDiagramShowsWhereTheCaseStandsToWhoeverMayReadTheCase() {
        long id = openAndAwaitReview("Diagramme");
        Api.Response diagram = api.get("bob", "/api/cases/" + id + "/diagram");
        assertThat(diagram.status()).isEqualTo(200);
        assertThat(diagram.body().get("processDefinitionKey").asText()).isEqualTo("content");
        assertThat(diagram.body().get("xml").asText()).contains("<bpmn:userTask id=\"review\"");
        assertThat(texts(diagram.body().get("activeActivityIds"))).containsExactly("review");
        assertThat(texts(diagram.body().get("completedActivityIds")))
                .contains("aiDraft")
                .doesNotContain("review");
        assertThat(api.get("alice", "/api/cases/" + id + "/diagram").status()).isEqualTo(200);
        Api.Response other = api.get("ines", "/api/cases/" + id + "/diagram");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body().get("message").asText()).contains("groupes");
    }

    @Test
    void acceptingAndApprovingNeedTheWholeTextDisplayedAndTheTimeIsRecorded() {
        long id = openAndAwaitReview("Pas de validation à l'aveugle");
        String review = awaitTask("bob", id, "review");
        Api.Response blind = api.post("bob", "/api/tasks/" + review + "/complete", Map.of("decision", "ACCEPT"));
        assertThat(blind.status()).isEqualTo(409);
        assertThat(blind.body().get("message").asText()).startsWith("Affichez le texte en entier");
        assertThat(api.post("ines", "/api/tasks/" + review + "/viewed", Map.of("timeSpentMs", 1000))
                        .status())
                .isEqualTo(403);
        assertThat(api.post("bob", "/api/tasks/" + review + "/viewed", Map.of("timeSpentMs", -1))
                        .status())
                .isEqualTo(400);
        Api.Response viewed = api.post("bob", "/api/tasks/" + review + "/viewed", Map.of("timeSpentMs", 12_000));
        assertThat(viewed.status()).isEqualTo(200);
        // a display by someone else does not count for chloe
        assertThat(api.post("chloe", "/api/tasks/" + review + "/complete", Map.of("decision", "ACCEPT"))
                        .status())
                .isEqualTo(409);
        assertThat(api.post("bob", "/api/tasks/" + review + "/complete", Map.of("decision", "ACCEPT"))
                        .status())
                .isEqualTo(200);

        // the offline draft keeps a « À COMPLÉTER » paragraph: back to editing, then to approval
        String first = awaitTask("bob", id, "approve");
        assertThat(api.post(
                                "bob",
                                "/api/tasks/" + first + "/complete",
                                Map.of("decision", "RETURN", "reason", "Compléter la date."))
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                "bob",
                                "/api/tasks/" + awaitTask("bob", id, "edit") + "/complete",
                                Map.of(
                                        "decision",
                                        "SUBMIT",
                                        "text",
                                        "Madame, Monsieur,\n\nVotre remboursement a été viré ce matin.\n\nBien cordialement"))
                        .status())
                .isEqualTo(200);
        String approve = awaitTask("bob", id, "approve");
        Api.Response blindApproval =
                api.post("bob", "/api/tasks/" + approve + "/complete", Map.of("decision", "APPROVE"));
        assertThat(blindApproval.status())
                .as("the review's display does not count for the approval")
                .isEqualTo(409);
        assertThat(blindApproval.body().get("message").asText()).contains("sans lecture");
        api.post("bob", "/api/tasks/" + approve + "/viewed", Map.of("timeSpentMs", 20_000));
        api.post("bob", "/api/tasks/" + approve + "/viewed", Map.of("timeSpentMs", 31_000));
        assertThat(api.post("bob", "/api/tasks/" + approve + "/complete", Map.of("decision", "APPROVE"))
                        .status())
                .isEqualTo(200);

        JsonNode events = api.get("alice", "/api/cases/" + id + "/audit").body().get("events");
        List<JsonNode> displayed = StreamSupport.stream(events.spliterator(), false)
                .filter(e -> e.get("type").asText().equals("DRAFT_DISPLAYED"))
                .toList();
        assertThat(displayed).hasSize(2);
        assertThat(displayed.get(0).get("details").asText()).contains("\"timeSpentMs\":12000");
        JsonNode accepted = StreamSupport.stream(events.spliterator(), false)
                .filter(e -> e.get("type").asText().equals("REVIEW_DECISION"))
                .findFirst()
                .orElseThrow();
        assertThat(accepted.get("details").asText()).contains("\"displayTimeMs\":12000");
        JsonNode approval = StreamSupport.stream(events.spliterator(), false)
                .filter(e -> e.get("type").asText().equals("APPROVED"))
                .findFirst()
                .orElseThrow();
        assertThat(approval.get("details").asText())
                .as("the longest report counts")
                .contains("\"displayTimeMs\":31000");
    }

    @Test
    void twoExpertsDecidingOnOneTaskAtOnceOneWinsAndTheOtherIsToldNothingIsKeptTwice() throws Exception {
        long id = openAndAwaitReview("Deux experts à la fois");
        String review = awaitTask("bob", id, "review");
        Map<String, Object> accept = Map.of("decision", "ACCEPT", "displayedMs", 30_000, "confirmFastApproval", true);
        var start = new java.util.concurrent.CyclicBarrier(2);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Api.Response>> answers = new ArrayList<>();
            for (String expert : List.of("bob", "chloe")) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post(expert, "/api/tasks/" + review + "/complete", accept);
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                Api.Response response = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
                statuses.add(response.status());
                if (response.status() == 409) {
                    assertThat(response.body().get("message").asText()).contains("Rechargez");
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from review_decision where task_id = ?")
                        .param(review)
                        .query(Long.class)
                        .single())
                .as("one decision recorded")
                .isEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from audit_event where case_id = ? and type = 'REVIEW_DECISION'")
                        .param(id)
                        .query(Long.class)
                        .single())
                .as("one decision in the audit trail")
                .isEqualTo(1L);
        // the case went on once: one approval task, for the winner's acceptance
        String approve = awaitTask("bob", id, "approve");
        assertThat(approve).isNotNull();
        assertThat(jdbc.sql("select count(*) from act_ru_task where proc_inst_id_ = "
                                + "(select proc_inst_id_ from act_ru_task where id_ = ?)")
                        .param(approve)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }
}
