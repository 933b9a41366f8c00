package org.tandem.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.platform.security.Identities;
import org.tandem.support.Api;
import org.tandem.support.Eventually;
import org.tandem.support.TandemIntegrationTest;

/**
 * Notifications of task events on the real engine: a filed case tells the experts of its group, a hand-over
 * tells the new assignee (a claim tells nobody), a due date tomorrow is told once, a rejected draft returns to
 * the adviser who filed it; read marks, unread count, and nobody reads or marks another person's.
 */
@TandemIntegrationTest
class NotificationIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TaskService taskService;

    @Autowired
    Identities identities;

    @Autowired
    DueTomorrow dueTomorrow;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Api api;
    String first;
    String second;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        first = "notif-a-" + suffix;
        second = "notif-b-" + suffix;
        identities.ensureUser(first, "Anne", "Notif", first, List.of("experts", "member-relations-experts"));
        identities.ensureUser(second, "Basile", "Notif", second, List.of("experts", "member-relations-experts"));
        // alice files the case: her choices back to the defaults (BadInputCampaignIT sends her valid settings too)
        jdbc.sql("delete from notification_settings where username = 'alice'").update();
    }

    /** Other tests draw reviewers among the experts of a group: the people this test made leave with it. */
    @org.junit.jupiter.api.AfterEach
    void removeThePeopleThisTestMade(@Autowired org.camunda.bpm.engine.IdentityService identityService) {
        identityService.createUserQuery().list().stream()
                .map(org.camunda.bpm.engine.identity.User::getId)
                .filter(id -> id.startsWith("notif-"))
                .forEach(identityService::deleteUser);
    }

    @Test
    void taskEventsTellThePeopleConcernedAndOnlyThem() {
        String subject = "Notif-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post(
                "alice",
                "/api/cases",
                Map.of(
                        "useCaseKey", "reply-letter",
                        "memberId", "M-1001",
                        "subject", subject,
                        "message", "Bonjour, où en est le remboursement de mon sinistre ? Merci de me répondre."));
        assertThat(created.status()).isEqualTo(201);
        long caseId = created.body().get("id").asLong();
        Task review = Eventually.caseTask(taskService, caseId, "review");

        // new task for my group: both experts, with the case's subject read from the task list
        JsonNode mine = notification(first, review.getId(), "NEW_TASK");
        assertThat(mine.get("caseId").asLong()).isEqualTo(caseId);
        assertThat(mine.get("subject").asText()).isEqualTo(subject);
        assertThat(mine.get("taskOpen").asBoolean()).isTrue();
        assertThat(mine.get("read").asBoolean()).isFalse();
        assertThat(notification(second, review.getId(), "NEW_TASK")).isNotNull();
        assertThat(find("alice", review.getId(), "NEW_TASK")).isNull();
        // the second expert turns new tasks off: other tests' cases reach the group too, the counts below stay exact
        assertThat(api.put(
                                second,
                                "/api/me/notification-settings",
                                Map.of("kinds", List.of("ASSIGNED", "DUE_TOMORROW", "RETURNED"), "dailyDigest", false))
                        .status())
                .isEqualTo(200);
        long unreadBefore = unread(second);

        // a claim tells nobody; a hand-over tells the new assignee
        assertThat(api.post(first, "/api/tasks/" + review.getId() + "/claim", Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(find(first, review.getId(), "ASSIGNED")).isNull();
        assertThat(api.post(first, "/api/tasks/" + review.getId() + "/hand-over", Map.of("username", second))
                        .status())
                .isEqualTo(200);
        JsonNode assigned = notification(second, review.getId(), "ASSIGNED");
        assertThat(assigned.get("taskName").asText()).isEqualTo("Relire le brouillon de l'IA");
        assertThat(unread(second)).isEqualTo(unreadBefore + 1);

        // due tomorrow: told once, however many scans (two nodes)
        LocalDate tomorrow = LocalDate.now(DueTomorrow.PARIS).plusDays(1);
        assertThat(api.put(second, "/api/tasks/" + review.getId() + "/dates", Map.of("due", tomorrow.toString()))
                        .status())
                .isEqualTo(200);
        dueTomorrow.scan();
        dueTomorrow.scan();
        assertThat(all(second, review.getId(), "DUE_TOMORROW")).hasSize(1);
        assertThat(all(first, review.getId(), "DUE_TOMORROW"))
                .as("only the assignee")
                .isEmpty();
        assertThat(unread(second)).isEqualTo(unreadBefore + 2);

        // nobody reads or marks someone else's
        long assignedId = assigned.get("id").asLong();
        assertThat(api.post(first, "/api/notifications/" + assignedId + "/read", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.post(first, "/api/notifications/pas-un-nombre/read", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(find(first, review.getId(), "ASSIGNED")).isNull();
        assertThat(unread(second)).isEqualTo(unreadBefore + 2);

        // mark one read, then all
        assertThat(api.post(second, "/api/notifications/" + assignedId + "/read", Map.of())
                        .status())
                .isEqualTo(204);
        assertThat(notification(second, review.getId(), "ASSIGNED").get("read").asBoolean())
                .isTrue();
        assertThat(unread(second)).isEqualTo(unreadBefore + 1);
        Api.Response all = api.post(second, "/api/notifications/read-all", Map.of());
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().get("marked").asInt()).isPositive();
        assertThat(unread(second)).isZero();
        assertThat(unread(first)).isPositive();

        // a rejected draft returns to the adviser who filed it (hand-drafting); the rejecter is not told
        assertThat(api.post(
                                second,
                                "/api/tasks/" + review.getId() + "/complete",
                                Map.of("decision", "REJECT", "reason", "Le brouillon invente une date."))
                        .status())
                .isEqualTo(200);
        Task handDraft = Eventually.caseTask(taskService, caseId, "handDraft");
        JsonNode returned = notification("alice", handDraft.getId(), "RETURNED");
        assertThat(returned.get("caseId").asLong()).isEqualTo(caseId);
        assertThat(find("alice", handDraft.getId(), "NEW_TASK")).isNull();
        assertThat(notification(first, handDraft.getId(), "NEW_TASK")).isNotNull();
        assertThat(find(second, handDraft.getId(), "NEW_TASK"))
                .as("the rejecter did it")
                .isNull();
    }

    @Test
    void aNotificationThatCannotBeWrittenNeverFailsTheTask() {
        // the database refuses notifications to one person of the group: the insert fails inside the engine's
        // transaction, its savepoint rolls it back alone, and the case goes on to its review task
        String refused = "notif-fail-" + UUID.randomUUID().toString().substring(0, 8);
        identities.ensureUser(refused, "Fanny", "Notif", refused, List.of("experts", "member-relations-experts"));
        jdbc.sql("alter table notification add constraint notification_test_refuses"
                        + " check (recipient not like 'notif-fail-%') not valid")
                .update();
        try {
            Api.Response created = api.post(
                    "alice",
                    "/api/cases",
                    Map.of(
                            "useCaseKey", "reply-letter",
                            "memberId", "M-1001",
                            "subject",
                                    "Notif-refus-"
                                            + UUID.randomUUID().toString().substring(0, 8),
                            "message", "Bonjour, où en est le remboursement de mon sinistre ? Merci de me répondre."));
            assertThat(created.status()).isEqualTo(201);
            long caseId = created.body().get("id").asLong();
            Task review = Eventually.caseTask(taskService, caseId, "review");
            assertThat(jdbc.sql("select status from inbox_task where task_id = ?")
                            .param(review.getId())
                            .query(String.class)
                            .single())
                    .as("the task and its read model were committed")
                    .isEqualTo("OPEN");
            assertThat(find(first, review.getId(), "NEW_TASK"))
                    .as("nobody was told this time")
                    .isNull();
        } finally {
            jdbc.sql("alter table notification drop constraint notification_test_refuses")
                    .update();
        }
    }

    @Test
    void settingsChooseTheKindsAndRefuseWhatCannotBe() {
        JsonNode defaults = api.get(first, "/api/me/notification-settings").body();
        assertThat(defaults.get("kinds")).hasSize(4);
        assertThat(defaults.get("dailyDigest").asBoolean()).isFalse();
        assertThat(defaults.get("email").asText()).isEqualTo(first + "@tandem.example");

        Api.Response unknown =
                api.put(first, "/api/me/notification-settings", Map.of("kinds", List.of("SPAM"), "dailyDigest", false));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().toString()).contains("n'est pas une sorte de notification");
        assertThat(api.put(first, "/api/me/notification-settings", Map.of("kinds", List.of()))
                        .status())
                .isEqualTo(400);

        Api.Response saved = api.put(
                first,
                "/api/me/notification-settings",
                Map.of("kinds", List.of("ASSIGNED", "RETURNED"), "dailyDigest", true));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().get("kinds").toString()).isEqualTo("[\"ASSIGNED\",\"RETURNED\"]");
        assertThat(api.get(first, "/api/me/notification-settings")
                        .body()
                        .get("dailyDigest")
                        .asBoolean())
                .isTrue();

        // an account without an address cannot ask for the digest
        String noMail = "notif-c-" + UUID.randomUUID().toString().substring(0, 8);
        identities.ensureUser(noMail, "Céleste", "Notif", noMail, List.of("experts"));
        mvcIdentityWithoutEmail(noMail);
        assertThat(api.get(noMail, "/api/me/notification-settings")
                        .body()
                        .get("email")
                        .isNull())
                .isTrue();
        Api.Response refused = api.put(
                noMail, "/api/me/notification-settings", Map.of("kinds", List.of("NEW_TASK"), "dailyDigest", true));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("adresse e-mail");

        // the service account has no notifications
        assertThat(api.get("portal", "/api/notifications/unread-count").status())
                .isEqualTo(403);
    }

    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    private void mvcIdentityWithoutEmail(String username) {
        var user = identityService.createUserQuery().userId(username).singleResult();
        user.setEmail(null);
        identityService.saveUser(user);
    }

    private long unread(String user) {
        Api.Response response = api.get(user, "/api/notifications/unread-count");
        assertThat(response.status()).isEqualTo(200);
        return response.body().get("unread").asLong();
    }

    private JsonNode notification(String user, String taskId, String kind) {
        return Eventually.await(
                kind + " notification of " + user + " for task " + taskId,
                Duration.ofSeconds(15),
                () -> find(user, taskId, kind));
    }

    private JsonNode find(String user, String taskId, String kind) {
        List<JsonNode> found = all(user, taskId, kind);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<JsonNode> all(String user, String taskId, String kind) {
        Api.Response page = api.get(user, "/api/notifications?size=100");
        assertThat(page.status()).as(String.valueOf(page.body())).isEqualTo(200);
        return StreamSupport.stream(page.body().get("items").spliterator(), false)
                .filter(n -> n.get("taskId").asText().equals(taskId)
                        && n.get("kind").asText().equals(kind))
                .toList();
    }
}
