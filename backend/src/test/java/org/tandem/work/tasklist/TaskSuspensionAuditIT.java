package org.tandem.work.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.support.Api;
import org.tandem.support.Eventually;
import org.tandem.support.TandemIntegrationTest;

/**
 * The task list around a real engine: a process instance suspended in Cockpit (RuntimeService here)
 * marks its tasks and refuses every action in French, activation restores them; claim, unclaim,
 * hand-over and dates land in the case's hash-chained audit trail; saved filters count their tasks.
 */
@TandemIntegrationTest
class TaskSuspensionAuditIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    private Task openLetter(String subject) {
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
        long caseId = created.body().get("id").asLong();
        return Eventually.caseTask(taskService, caseId, null);
    }

    private JsonNode item(String user, String query, String taskId) {
        Api.Response response = api.get(user, "/api/tasks" + query);
        assertThat(response.status()).isEqualTo(200);
        return StreamSupport.stream(response.body().get("items").spliterator(), false)
                .filter(t -> t.get("id").asText().equals(taskId))
                .findFirst()
                .orElse(null);
    }

    private boolean suspendedRow(String taskId) {
        return jdbc.sql("select suspended from inbox_task where task_id = ?")
                .param(taskId)
                .query(Boolean.class)
                .single();
    }

    @Test
    void aSuspendedInstanceMarksItsTasksAndRefusesActionsUntilActivated() {
        String subject = "Suspendu-" + UUID.randomUUID().toString().substring(0, 8);
        Task task = openLetter(subject);
        String id = task.getId();
        assertThat(item("bob", "?text=" + subject, id).get("suspended").asBoolean())
                .isFalse();

        runtimeService.suspendProcessInstanceById(task.getProcessInstanceId());
        assertThat(suspendedRow(id))
                .as("the history event of the suspension marks the row")
                .isTrue();
        JsonNode listed = item("bob", "?text=" + subject, id);
        assertThat(listed).as("still listed, marked").isNotNull();
        assertThat(listed.get("suspended").asBoolean()).isTrue();
        assertThat(item("bob", "?suspended=exclude&text=" + subject, id)).isNull();
        assertThat(item("bob", "?suspended=only&text=" + subject, id)).isNotNull();
        assertThat(api.get("bob", "/api/tasks?suspended=maybe")
                        .body()
                        .get("fieldErrors")
                        .has("suspended"))
                .isTrue();

        // every action is a French 409; the page itself still opens, saying so
        for (Api.Response refused : List.of(
                api.post("bob", "/api/tasks/" + id + "/claim", Map.of()),
                api.post("bob", "/api/tasks/" + id + "/hand-over", Map.of("username", "chloe")),
                api.post("bob", "/api/tasks/" + id + "/viewed", Map.of("timeSpentMs", 5000)),
                api.post("bob", "/api/tasks/" + id + "/complete", Map.of("decision", "ACCEPT")),
                api.post("bob", "/api/tasks/" + id + "/comments", Map.of("message", "Je regarde.")))) {
            assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(409);
            assertThat(refused.body().get("message").asText()).startsWith("Ce dossier est suspendu");
        }
        Api.Response page = api.get("bob", "/api/tasks/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("task").get("suspended").asBoolean()).isTrue();
        assertThat(api.get("ines", "/api/tasks/" + id).status())
                .as("still another group's task")
                .isEqualTo(403);

        // a row that missed the suspension is corrected by the rebuild
        jdbc.sql("update inbox_task set suspended = false where task_id = ?")
                .param(id)
                .update();
        Api.Response rebuilt = api.post("admin", "/api/admin/inbox/rebuild", Map.of());
        assertThat(rebuilt.body().get("resynced").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(suspendedRow(id)).isTrue();

        runtimeService.activateProcessInstanceById(task.getProcessInstanceId());
        assertThat(suspendedRow(id)).as("activation restores the row").isFalse();
        assertThat(item("bob", "?suspended=exclude&text=" + subject, id)).isNotNull();
        assertThat(api.post("bob", "/api/tasks/" + id + "/claim", Map.of()).status())
                .isEqualTo(200);

        // suspending the whole definition with its instances goes through the same event
        runtimeService
                .updateProcessInstanceSuspensionState()
                .byProcessDefinitionId(task.getProcessDefinitionId())
                .suspend();
        try {
            assertThat(suspendedRow(id)).isTrue();
            assertThat(api.post("bob", "/api/tasks/" + id + "/unclaim", Map.of())
                            .status())
                    .isEqualTo(409);
        } finally {
            runtimeService
                    .updateProcessInstanceSuspensionState()
                    .byProcessDefinitionId(task.getProcessDefinitionId())
                    .activate();
        }
        assertThat(suspendedRow(id)).isFalse();
    }

    @Test
    void claimUnclaimHandOverAndDatesGoToTheCaseAuditTrail() {
        String subject = "Audit-" + UUID.randomUUID().toString().substring(0, 8);
        Task task = openLetter(subject);
        String id = task.getId();
        long caseId = Long.parseLong(runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId())
                .singleResult()
                .getBusinessKey());

        assertThat(api.post("bob", "/api/tasks/" + id + "/claim", Map.of()).status())
                .isEqualTo(200);
        LocalDate due = LocalDate.now().plusDays(4);
        assertThat(api.put("bob", "/api/tasks/" + id + "/dates", Map.of("due", due.toString()))
                        .status())
                .isEqualTo(200);
        assertThat(api.post("bob", "/api/tasks/" + id + "/hand-over", Map.of("username", "chloe"))
                        .status())
                .isEqualTo(200);
        assertThat(api.post("chloe", "/api/tasks/" + id + "/unclaim", Map.of()).status())
                .isEqualTo(200);
        // refused changes leave no entry
        assertThat(api.post("chloe", "/api/tasks/" + id + "/unclaim", Map.of()).status())
                .isEqualTo(409);

        JsonNode audit = api.get("bob", "/api/cases/" + caseId + "/audit").body();
        List<JsonNode> taskEvents = StreamSupport.stream(audit.get("events").spliterator(), false)
                .filter(e -> e.get("type").asText().startsWith("TASK_"))
                .toList();
        assertThat(taskEvents)
                .extracting(e -> e.get("type").asText())
                .containsExactly("TASK_CLAIMED", "TASK_DATES_CHANGED", "TASK_HANDED_OVER", "TASK_UNCLAIMED");
        assertThat(taskEvents).extracting(e -> e.get("actor").asText()).containsExactly("bob", "bob", "bob", "chloe");
        assertThat(taskEvents.get(0).get("occurredAt").asText()).isNotBlank();
        assertThat(taskEvents.get(0).get("details").asText()).contains("\"taskId\":\"" + id + "\"");
        assertThat(taskEvents.get(1).get("details").asText()).contains("\"due\":\"" + due + "\"");
        assertThat(taskEvents.get(2).get("details").asText())
                .contains("\"from\":\"bob\"")
                .contains("\"to\":\"chloe\"");
        assertThat(audit.get("verification").get("valid").asBoolean())
                .as("the chain still verifies")
                .isTrue();
    }

    @Test
    void savedFiltersCountTheirTasksForTheCaller() {
        String subject = "Compte-" + UUID.randomUUID().toString().substring(0, 8);
        Task first = openLetter(subject + "-a");
        openLetter(subject + "-b");
        String name = "Comptés " + UUID.randomUUID().toString().substring(0, 6);
        Api.Response saved = api.post(
                "bob",
                "/api/task-filters",
                Map.of("name", name, "groupId", "member-relations-experts", "criteria", Map.of("text", subject)));
        assertThat(saved.status()).isEqualTo(201);
        String mineName = name + " à moi";
        assertThat(api.post(
                                "bob",
                                "/api/task-filters",
                                Map.of(
                                        "name",
                                        mineName,
                                        "groupId",
                                        "member-relations-experts",
                                        "criteria",
                                        Map.of("text", subject, "scope", "mine")))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("bob", "/api/tasks/" + first.getId() + "/claim", Map.of())
                        .status())
                .isEqualTo(200);

        assertThat(count("bob", name)).isEqualTo(2);
        assertThat(count("bob", mineName)).isEqualTo(1);
        // the same filter counts for whoever looks: chloe no longer sees bob's claimed task
        assertThat(count("chloe", name)).isEqualTo(1);
        assertThat(count("chloe", mineName)).isZero();
        // without asking, no counting
        assertThat(StreamSupport.stream(
                                api.get("bob", "/api/task-filters").body().spliterator(), false)
                        .filter(f -> f.get("name").asText().equals(name))
                        .findFirst()
                        .orElseThrow()
                        .get("count")
                        .isNull())
                .isTrue();
    }

    private long count(String user, String filterName) {
        JsonNode filters = api.get(user, "/api/task-filters?counts=true").body();
        return StreamSupport.stream(filters.spliterator(), false)
                .filter(f -> f.get("name").asText().equals(filterName))
                .findFirst()
                .orElseThrow()
                .get("count")
                .asLong();
    }
}
