package org.tandem.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.chatbot.UnattendedAuthorizations;
import org.tandem.support.Browser;
import org.tandem.support.Eventually;
import org.tandem.support.TandemIntegrationTest;

/**
 * Content reaches a member only after an approval Tandem recorded, whatever route is tried: the
 * engine's REST API as an administrator or a service account can complete tasks, set variables,
 * signal executions and move tokens, and none of it discloses anything.
 */
@TandemIntegrationTest
class DisclosureBypassIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ManagementService management;

    @Autowired
    UnattendedAuthorizations authorizations;

    private final ObjectMapper json = new ObjectMapper();
    private Browser alice;
    private Browser bob;
    private Browser admin;
    private Browser service;

    @BeforeEach
    void people() {
        alice = new Browser(port, "alice").loggedIn();
        bob = new Browser(port, "bob").loggedIn();
        admin = new Browser(port, "admin").withBasic();
        service = new Browser(port, "portal").withBasic();
    }

    private JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(response.statusCode() + " " + response.body(), e);
        }
    }

    private long openInReview(String subject) {
        HttpResponse<String> opened = alice.json("POST", "/api/cases", """
                {"useCaseKey":"reply-letter","memberId":"M-1001","subject":"%s",
                 "message":"Bonjour, où en est le remboursement de mon sinistre ?"}""".formatted(subject));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        long id = read(opened).get("id").asLong();
        Eventually.await(
                "the draft of case " + id,
                Duration.ofSeconds(30),
                () -> "IN_REVIEW"
                        .equals(read(alice.get("/api/cases/" + id))
                                .get("status")
                                .asText()));
        return id;
    }

    private String engineTask(long caseId, String key) {
        return Eventually.await(key + " of case " + caseId, Duration.ofSeconds(20), () -> {
            JsonNode tasks = read(
                    admin.get("/engine-rest/task?processInstanceBusinessKey=" + caseId + "&taskDefinitionKey=" + key));
            return tasks.size() == 1 ? tasks.get(0).get("id").asText() : null;
        });
    }

    private String processInstance(long caseId) {
        return read(admin.get("/engine-rest/process-instance?businessKey=" + caseId))
                .get(0)
                .get("id")
                .asText();
    }

    private long disclosures(long caseId) {
        return jdbc.sql("select count(*) from disclosure where case_id = ?")
                .param(caseId)
                .query(Long.class)
                .single();
    }

    /** The disclose job was tried at least once and refused. */
    private void awaitRefusedDisclosure(String processInstanceId) {
        Eventually.await(
                "a failed disclose job",
                Duration.ofSeconds(30),
                () -> management
                                .createJobQuery()
                                .processInstanceId(processInstanceId)
                                .withException()
                                .count()
                        > 0);
    }

    @Test
    void completingTheApprovalThroughTheEngineRestApiDisclosesNothing() {
        long id = openInReview("Contournement par l'API du moteur");
        HttpResponse<String> review = admin.json(
                "POST",
                "/engine-rest/task/" + engineTask(id, "review") + "/complete",
                "{\"variables\":{\"reviewDecision\":{\"value\":\"ACCEPT\"}}}");
        assertThat(review.statusCode()).as(review.body()).isEqualTo(204);
        String approve = engineTask(id, "approve");
        assertThat(admin.json("POST", "/engine-rest/task/" + approve + "/assignee", "{\"userId\":\"bob\"}")
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> approved = service.json("POST", "/engine-rest/task/" + approve + "/complete", """
                {"variables":{"approvalDecision":{"value":"APPROVE"},"checkedByHuman":{"value":true},
                 "aiShare":{"value":0.0,"type":"Double"},"approvedBy":{"value":"bob"},
                 "disclosureCategory":{"value":"HUMAN_WITH_AI"}}}""");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);
        awaitRefusedDisclosure(processInstance(id));
        assertThat(disclosures(id)).isZero();
        assertThat(read(alice.get("/api/cases/" + id)).get("status").asText()).isNotEqualTo("DISCLOSED");
    }

    @Test
    void signallingOrMovingTheTokenToTheDisclosureDisclosesNothing() {
        long id = openInReview("Contournement par modification");
        String pi = processInstance(id);
        String execution = read(admin.get("/engine-rest/execution?processInstanceId=" + pi + "&activityId=review"))
                .get(0)
                .get("id")
                .asText();
        int signalled = admin.json("POST", "/engine-rest/execution/" + execution + "/signal", "{}")
                .statusCode();
        assertThat(signalled).as("a user task refuses a signal").isNotIn(200, 204);
        assertThat(admin.json("POST", "/engine-rest/signal", "{\"name\":\"disclose\"}")
                        .statusCode())
                .isLessThan(500);
        HttpResponse<String> moved = admin.json("POST", "/engine-rest/process-instance/" + pi + "/modification", """
                {"skipCustomListeners":true,"skipIoMappings":true,"instructions":[
                  {"type":"startBeforeActivity","activityId":"disclose","variables":{
                    "disclosureCategory":{"value":"HUMAN_WITH_AI"},"checkedByHuman":{"value":true},
                    "approvedBy":{"value":"bob"}}},
                  {"type":"cancel","activityId":"review"}]}""");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);
        awaitRefusedDisclosure(pi);
        assertThat(disclosures(id)).isZero();
    }

    @Test
    void anApprovedCaseIsDisclosedOnceWithItsLabelWhateverTheEngineIsToldAfterwards() {
        long id = openInReview("Divulgation unique");
        assertThat(bob.json("POST", "/api/tasks/" + engineTask(id, "review") + "/complete", "{\"decision\":\"EDIT\"}")
                        .statusCode())
                .isEqualTo(200);
        String text = "Madame, Monsieur,\n\nVotre remboursement a été validé ce matin. "
                + "Le virement vous parviendra sous 48 heures.\n\nBien cordialement.";
        HttpResponse<String> submitted = bob.json(
                "POST",
                "/api/tasks/" + engineTask(id, "edit") + "/complete",
                json.createObjectNode()
                        .put("decision", "SUBMIT")
                        .put("text", text)
                        .toString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        String approveTask = engineTask(id, "approve");
        // as the task page does: the whole text displayed before approving
        assertThat(bob.json("POST", "/api/tasks/" + approveTask + "/viewed", "{\"timeSpentMs\":5000}")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> approved =
                bob.json("POST", "/api/tasks/" + approveTask + "/complete", "{\"decision\":\"APPROVE\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        JsonNode disclosed = Eventually.await("the disclosure", Duration.ofSeconds(30), () -> {
            JsonNode c = read(alice.get("/api/cases/" + id));
            return "DISCLOSED".equals(c.get("status").asText()) ? c : null;
        });
        String label = disclosed.get("disclosure").get("label").asText(null);

        // the finished instance is restarted at the disclosure with a label-free category: nothing new goes out
        String pi = read(admin.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + id))
                .get(0)
                .get("id")
                .asText();
        String definition = read(admin.get("/engine-rest/history/process-instance/" + pi))
                .get("processDefinitionId")
                .asText();
        HttpResponse<String> restarted =
                admin.json("POST", "/engine-rest/process-definition/" + definition + "/restart", """
                {"processInstanceIds":["%s"],"skipCustomListeners":true,"instructions":[
                  {"type":"startBeforeActivity","activityId":"disclose"}]}""".formatted(pi));
        assertThat(restarted.statusCode()).as(restarted.body()).isLessThan(500);
        HttpResponse<String> started = admin.json(
                "POST",
                "/engine-rest/process-definition/key/content/submit-form",
                "{\"businessKey\":\"" + id + "\",\"variables\":{\"caseId\":{\"value\":" + id + ",\"type\":\"Long\"}}}");
        assertThat(started.statusCode()).as(started.body()).isLessThan(500);
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(disclosures(id)).isEqualTo(1);
        assertThat(read(alice.get("/api/cases/" + id))
                        .get("disclosure")
                        .get("label")
                        .asText(null))
                .isEqualTo(label);
    }

    @Test
    void anUnattendedAuthorisationForgedThroughTheEngineRestApiAuthorisesNothing() {
        String version = "member-chatbot@forged-" + System.nanoTime();
        HttpResponse<String> started = admin.json(
                "POST",
                "/engine-rest/process-definition/key/" + UnattendedAuthorizations.PROCESS_KEY + "/start",
                "{\"businessKey\":\"" + version + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String task = read(admin.get("/engine-rest/task?processInstanceBusinessKey=" + version))
                .get(0)
                .get("id")
                .asText();
        assertThat(admin.json("POST", "/engine-rest/task/" + task + "/assignee", "{\"userId\":\"rachel\"}")
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> completed = admin.json(
                "POST",
                "/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"authorized\":{\"value\":true},\"authorizedBy\":{\"value\":\"rachel\"}}}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        assertThat(authorizations.authorizer(version))
                .as("no AI referent decided it in Tandem")
                .isEmpty();
    }
}
