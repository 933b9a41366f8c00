package org.tandem.work.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.support.Api;
import org.tandem.support.Eventually;
import org.tandem.support.TandemIntegrationTest;

/** The task list from the read model: visibility, filters, counts, claim / hand over / dates, saved filters. */
@TandemIntegrationTest
class TaskListIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProcessEngine engine;

    @Autowired
    PlatformTransactionManager transactions;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    private long openLetter(String subject) {
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
                        "Bonjour, où en est le remboursement de mon sinistre ? Merci de me répondre."));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private JsonNode list(String user, String query) {
        Api.Response response = api.get(user, "/api/tasks" + query);
        assertThat(response.status())
                .as(response.body() == null ? "" : response.body().toString())
                .isEqualTo(200);
        return response.body();
    }

    private JsonNode itemOf(String user, String query, long caseId) {
        return StreamSupport.stream(list(user, query).get("items").spliterator(), false)
                .filter(t -> t.get("caseId").asLong() == caseId)
                .findFirst()
                .orElse(null);
    }

    private org.camunda.bpm.engine.task.Task reviewTaskOf(long caseId) {
        return Eventually.caseTask(taskService, caseId, null);
    }

    /** As the task page does: the whole draft displayed, then accepted. */
    private void acceptAsTheTaskPageDoes(String user, String taskId) {
        assertThat(api.post(user, "/api/tasks/" + taskId + "/viewed", Map.of("timeSpentMs", 5000))
                        .status())
                .isEqualTo(200);
        assertThat(api.post(user, "/api/tasks/" + taskId + "/complete", Map.of("decision", "ACCEPT"))
                        .status())
                .isEqualTo(200);
    }

    /** Subjects here have no spaces: MockMvc keeps a "+" as it is. */
    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void theReviewTaskIsListedFromTheReadModelAndWorkedFromTheList() {
        String subject = "Liste-" + UUID.randomUUID().toString().substring(0, 8);
        long caseId = openLetter(subject);
        var reviewTask = reviewTaskOf(caseId);
        JsonNode task = itemOf("bob", "?text=" + q(subject), caseId);
        assertThat(task.get("id").asText()).isEqualTo(reviewTask.getId());
        String id = task.get("id").asText();
        assertThat(task.get("taskKey").asText()).isEqualTo("review");
        assertThat(task.get("processKey").asText()).isEqualTo("content");
        assertThat(task.get("useCaseKey").asText()).isEqualTo("reply-letter");
        assertThat(task.get("memberName").asText()).isNotBlank();
        assertThat(task.get("subject").asText()).isEqualTo(subject);
        assertThat(task.get("candidateGroups").toString()).contains("member-relations-experts");
        assertThat(task.get("assignee").isNull()).isTrue();

        // the row is written in the engine's transaction: it matches Camunda's task
        var engineTask = taskService.createTaskQuery().taskId(id).singleResult();
        assertThat(engineTask.getTaskDefinitionKey()).isEqualTo("review");

        // visibility: another group sees nothing of it
        assertThat(itemOf("ines", "?text=" + q(subject), caseId)).isNull();
        assertThat(itemOf("bob", "?scope=groups&text=" + q(subject), caseId)).isNotNull();
        assertThat(itemOf("bob", "?scope=mine&text=" + q(subject), caseId)).isNull();
        assertThat(itemOf("bob", "?useCase=claim-summary&text=" + q(subject), caseId))
                .isNull();
        JsonNode page = list("bob", "?text=" + q(subject));
        assertThat(page.get("total").asLong()).isEqualTo(1);
        // P4: asked uncounted, a full page comes without its total (the browser asks the counts beside
        // it); a short first page is counted by itself
        JsonNode uncounted = list("bob", "?size=1&counts=false&total=false&text=" + q(subject));
        assertThat(uncounted.get("items")).hasSize(1);
        assertThat(uncounted.path("total").isNumber()).isFalse();
        assertThat(list("bob", "?size=2&counts=false&total=false&text=" + q(subject))
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(page.get("counts").get("groups").asLong()).isEqualTo(1);
        assertThat(page.get("counts").get("mine").asLong()).isZero();
        assertThat(page.get("counts").get("byUseCase").get("reply-letter").asLong())
                .isEqualTo(1);

        // claim: the first one wins, the second learns who
        assertThat(api.post("ines", "/api/tasks/" + id + "/claim", Map.of()).status())
                .isEqualTo(403);
        Api.Response claimed = api.post("bob", "/api/tasks/" + id + "/claim", Map.of());
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.body().get("assignee").asText()).isEqualTo("bob");
        Api.Response late = api.post("chloe", "/api/tasks/" + id + "/claim", Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("message").asText()).contains("bob");
        assertThat(itemOf("bob", "?scope=mine&text=" + q(subject), caseId)).isNotNull();
        assertThat(itemOf("chloe", "?text=" + q(subject), caseId))
                .as("a claimed task is its assignee's")
                .isNull();

        // dates: only the assignee, not in the past
        LocalDate due = LocalDate.now().plusDays(3);
        assertThat(api.put("chloe", "/api/tasks/" + id + "/dates", Map.of("due", due.toString()))
                        .status())
                .isEqualTo(409);
        Api.Response past = api.put("bob", "/api/tasks/" + id + "/dates", Map.of("due", "2020-01-01"));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body().get("fieldErrors").get("due").asText()).contains("passé");
        Api.Response dated = api.put(
                "bob",
                "/api/tasks/" + id + "/dates",
                Map.of(
                        "due",
                        due.toString(),
                        "followUp",
                        LocalDate.now().plusDays(1).toString()));
        assertThat(dated.status()).isEqualTo(200);
        assertThat(dated.body().get("dueAt").asText()).startsWith(due.toString());
        assertThat(taskService.createTaskQuery().taskId(id).singleResult().getDueDate())
                .isNotNull();
        assertThat(itemOf("bob", "?dueBefore=" + due + "&text=" + q(subject), caseId))
                .isNotNull();
        assertThat(itemOf("bob", "?dueBefore=" + LocalDate.now() + "&text=" + q(subject), caseId))
                .isNull();
        assertThat(itemOf("bob", "?dueAfter=" + due.plusDays(1) + "&text=" + q(subject), caseId))
                .isNull();
        assertThat(itemOf("bob", "?sort=due&text=" + q(subject), caseId)).isNotNull();

        // hand over: only to a member of the task's groups
        assertThat(api.get("bob", "/api/tasks/" + id + "/candidates").body().toString())
                .contains("chloe")
                .doesNotContain("ines");
        Api.Response wrong = api.post("bob", "/api/tasks/" + id + "/hand-over", Map.of("username", "ines"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().get("fieldErrors").get("username").asText()).contains("ne fait pas partie");
        Api.Response handed = api.post("bob", "/api/tasks/" + id + "/hand-over", Map.of("username", "chloe"));
        assertThat(handed.status()).isEqualTo(200);
        assertThat(handed.body().get("assignee").asText()).isEqualTo("chloe");
        assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee())
                .isEqualTo("chloe");
        assertThat(api.post("bob", "/api/tasks/" + id + "/unclaim", Map.of()).status())
                .isEqualTo(409);
        assertThat(api.post("chloe", "/api/tasks/" + id + "/unclaim", Map.of())
                        .body()
                        .get("assignee")
                        .isNull())
                .isTrue();
        assertThat(itemOf("bob", "?scope=groups&text=" + q(subject), caseId)).isNotNull();

        // a candidate group added in the engine reaches the read model by the update listener
        taskService.addCandidateGroup(id, "claims-experts");
        assertThat(itemOf("ines", "?text=" + q(subject), caseId)).isNotNull();
        taskService.deleteCandidateGroup(id, "claims-experts");
        assertThat(itemOf("ines", "?text=" + q(subject), caseId)).isNull();

        // rebuild: a lost row comes back from Camunda
        jdbc.sql("delete from inbox_task where task_id = ?").param(id).update();
        assertThat(itemOf("bob", "?text=" + q(subject), caseId)).isNull();
        assertThat(api.post("bob", "/api/admin/inbox/rebuild", Map.of()).status())
                .isEqualTo(403);
        Api.Response rebuilt = api.post("admin", "/api/admin/inbox/rebuild", Map.of());
        assertThat(rebuilt.status()).isEqualTo(200);
        assertThat(rebuilt.body().get("added").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode back = itemOf("bob", "?text=" + q(subject), caseId);
        assertThat(back.get("subject").asText()).isEqualTo(subject);

        // completion through the task page's endpoint closes the row; it stays in "done" for its assignee
        assertThat(api.post("bob", "/api/tasks/" + id + "/claim", Map.of()).status())
                .isEqualTo(200);
        acceptAsTheTaskPageDoes("bob", id);
        assertThat(jdbc.sql("select status from inbox_task where task_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("COMPLETED");
        JsonNode next = itemOf("bob", "?text=" + q(subject), caseId);
        assertThat(next == null ? "none" : next.get("taskKey").asText())
                .as("the review is gone from the list")
                .isNotEqualTo("review");
        assertThat(itemOf("bob", "?status=done&text=" + q(subject), caseId)
                        .get("id")
                        .asText())
                .isEqualTo(id);
    }

    @Test
    void oneCommandThatChangesATaskTwiceWritesItsRowOnceAndADecisionKeepsItsDecider() {
        String subject = "Une-ecriture-" + UUID.randomUUID().toString().substring(0, 8);
        long caseId = openLetter(subject);
        String id = reviewTaskOf(caseId).getId();
        var commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        // a claim fires two task events, a priority a third: the row is written once, as the command closes
        String updatesSoFar = "select n_tup_upd from pg_stat_xact_user_tables where relname = 'inbox_task'";
        long updates = new TransactionTemplate(transactions).execute(tx -> {
            long before = jdbc.sql(updatesSoFar).query(Long.class).single();
            commands.execute(context -> {
                taskService.claim(id, "bob");
                taskService.setPriority(id, 80);
                return null;
            });
            return jdbc.sql(updatesSoFar).query(Long.class).single() - before;
        });
        assertThat(updates).isEqualTo(1);
        JsonNode claimed = itemOf("bob", "?text=" + q(subject), caseId);
        assertThat(claimed.get("assignee").asText()).isEqualTo("bob");
        assertThat(claimed.get("priority").asInt()).isEqualTo(80);

        // unclaimed, then decided from the task page without a claim first: the decision claims and completes in
        // one command; the ended row says who decided (the "done" list of that person)
        taskService.setAssignee(id, null);
        assertThat(itemOf("bob", "?text=" + q(subject), caseId).get("assignee").isNull())
                .isTrue();
        acceptAsTheTaskPageDoes("bob", id);
        assertThat(jdbc.sql("select status || ' ' || assignee from inbox_task where task_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("COMPLETED bob");
        assertThat(itemOf("bob", "?status=done&text=" + q(subject), caseId)
                        .get("id")
                        .asText())
                .isEqualTo(id);
    }

    @Test
    void badQueriesAreRefusedWithAFrenchMessageNextToTheirField() {
        Api.Response scope = api.get("bob", "/api/tasks?scope=everybody");
        assertThat(scope.status()).isEqualTo(400);
        assertThat(scope.body().get("fieldErrors").get("scope").asText()).contains("n'existe pas");
        assertThat(api.get("bob", "/api/tasks?size=1000")
                        .body()
                        .get("fieldErrors")
                        .has("size"))
                .isTrue();
        assertThat(api.get("bob", "/api/tasks?page=9999")
                        .body()
                        .get("fieldErrors")
                        .has("page"))
                .isTrue();
        assertThat(api.get("bob", "/api/tasks?dueAfter=demain")
                        .body()
                        .get("fieldErrors")
                        .get("dueAfter")
                        .asText())
                .contains("AAAA-MM-JJ");
        assertThat(api.get("bob", "/api/tasks?minPriority=500").status()).isEqualTo(400);
        assertThat(api.get("bob", "/api/tasks?text=%25_%5C").status()).isEqualTo(200);
        assertThat(api.get(null, "/api/tasks").status()).isEqualTo(401);
        assertThat(api.post("bob", "/api/tasks/unknown/claim", Map.of()).status())
                .isEqualTo(404);
        assertThat(api.post("bob", "/api/tasks/unknown/hand-over", Map.of()).status())
                .isEqualTo(400);
    }

    @Test
    void savedFiltersAreSharedWithOneGroupOnly() throws Exception {
        String name = "Urgents " + UUID.randomUUID().toString().substring(0, 6);
        Api.Response saved = api.post(
                "bob",
                "/api/task-filters",
                Map.of(
                        "name",
                        name,
                        "groupId",
                        "member-relations-experts",
                        "criteria",
                        Map.of("scope", "groups", "useCase", "reply-letter", "minPriority", 60, "sort", "due")));
        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.body().get("criteria").get("useCase").asText()).isEqualTo("reply-letter");
        long id = saved.body().get("id").asLong();
        assertThat(api.get("chloe", "/api/task-filters").body().toString()).contains(name);
        assertThat(api.get("ines", "/api/task-filters").body().toString()).doesNotContain(name);
        assertThat(api.post("bob", "/api/task-filters", Map.of("name", name, "groupId", "member-relations-experts"))
                        .body()
                        .get("fieldErrors")
                        .get("name")
                        .asText())
                .contains("déjà");
        assertThat(api.post("bob", "/api/task-filters", Map.of("name", "x", "groupId", "claims-experts"))
                        .body()
                        .get("fieldErrors")
                        .has("groupId"))
                .isTrue();
        assertThat(api.post(
                                "bob",
                                "/api/task-filters",
                                Map.of(
                                        "name",
                                        "y",
                                        "groupId",
                                        "member-relations-experts",
                                        "criteria",
                                        Map.of("scope", "nowhere")))
                        .body()
                        .get("fieldErrors")
                        .has("scope"))
                .isTrue();
        var delete = MockMvcRequestBuilders.delete("/api/task-filters/" + id);
        assertThat(api.post("ines", "/api/task-filters/" + id, Map.of()).status())
                .isIn(404, 405);
        int status = mvc.perform(
                        delete.with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.httpBasic("ines", "ines")))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).as("no CSRF token, another group").isIn(403, 404);
        assertThat(api.get("chloe", "/api/task-filters").body().toString()).contains(name);
        List<String> names = StreamSupport.stream(
                        api.get("bob", "/api/task-filters").body().spliterator(), false)
                .map(f -> f.get("name").asText())
                .toList();
        assertThat(names).contains(name);
    }
}
